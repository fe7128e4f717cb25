package io.copyjob.sql.sqlserver;

import io.copyjob.data.LogicalType;

/**
 * The bulk-copy source metadata of one column: destination name, {@link java.sql.Types} code, precision and
 * scale, plus the fractional-second digits the destination keeps (temporal values are cut there, never
 * rounded). Immutable.
 */
public record BulkColumn(String name, LogicalType type, int jdbcType, int precision, int scale, int keptFractionDigits) {

  /** Metadata for a column of {@code type} written into a destination column keeping {@code destinationScale} digits. */
  public static BulkColumn of(String name, LogicalType type, int destinationScale) {
    int kept = type.id() == io.copyjob.data.TypeId.TIME || type.isTimestamp()
        ? Math.min(destinationScale, SqlServerTypeMapping.MAX_TIME_PRECISION) : 0;
    return new BulkColumn(name, type, SqlServerTypeMapping.bulkType(type), SqlServerTypeMapping.bulkPrecision(type),
        SqlServerTypeMapping.bulkScale(type), kept);
  }

  /** Metadata for a column of {@code type} in a table created from the schema (same precision as the type). */
  public static BulkColumn of(String name, LogicalType type) {
    return of(name, type, SqlServerTypeMapping.timePrecision(type));
  }
}
