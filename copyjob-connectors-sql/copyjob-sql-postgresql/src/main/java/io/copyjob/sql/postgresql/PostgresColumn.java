package io.copyjob.sql.postgresql;

import io.copyjob.data.Field;
import io.copyjob.sql.jdbc.JdbcColumn;

/** A column of a PostgreSQL table: name, type and nullability as the catalog has them. Immutable. */
record PostgresColumn(String name, PgType type, boolean notNull) implements JdbcColumn {

  /** The column as a copyjob field, typed through {@link PostgresTypeMapping}. */
  @Override
  public Field field() {
    Field f = Field.of(name, PostgresTypeMapping.toLogical(type));
    return notNull ? Field.required(name, f.type()) : f;
  }

  @Override
  public String typeName() {
    return type.sqlName();
  }
}
