package io.copyjob.sql.sqlserver;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.jdbc.JdbcColumn;
import io.copyjob.sql.jdbc.JdbcTable;
import java.util.List;

/** One column as the catalog describes it, with its identity, computed and rowversion flags. Immutable. */
record SqlServerColumn(String name, SqlServerType type, boolean nullable, boolean identity, boolean computed)
    implements JdbcColumn {

  @Override
  public LogicalType logicalType() {
    return SqlServerTypeMapping.toLogical(type);
  }

  @Override
  public Field field() {
    return nullable ? Field.of(name, logicalType()) : Field.required(name, logicalType());
  }

  @Override
  public String typeName() {
    return type.declaration();
  }

  /** Whether rows can be written into it: not computed and not a rowversion. */
  boolean writable() {
    return !computed && !type.isRowversion();
  }

  /** The IDENTITY column of {@code table} as a list of at most one name: a MERGE must never update it. */
  static List<String> identityOf(JdbcTable<SqlServerColumn> table) {
    return table.columns().stream().filter(SqlServerColumn::identity).map(SqlServerColumn::name).limit(1).toList();
  }
}
