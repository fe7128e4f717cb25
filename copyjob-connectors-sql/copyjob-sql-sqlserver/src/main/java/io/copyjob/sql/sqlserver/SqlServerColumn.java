package io.copyjob.sql.sqlserver;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;

/** One column as the catalog describes it. Immutable. */
record SqlServerColumn(String name, SqlServerType type, boolean nullable, boolean identity, boolean computed) {

  LogicalType logicalType() {
    return SqlServerTypeMapping.toLogical(type);
  }

  Field field() {
    return nullable ? Field.of(name, logicalType()) : Field.required(name, logicalType());
  }

  /** Whether rows can be written into it: not computed and not a rowversion. */
  boolean writable() {
    return !computed && !type.isRowversion();
  }
}
