package io.copyjob.sql.postgresql;

import io.copyjob.data.Field;
import io.copyjob.sql.jdbc.JdbcColumn;

/**
 * A column of a PostgreSQL table: name, type, nullability and whether it is an identity column
 * ({@code GENERATED ... AS IDENTITY}) as the catalog has them. Immutable.
 */
record PostgresColumn(String name, PgType type, boolean notNull, boolean identity) implements JdbcColumn {

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
