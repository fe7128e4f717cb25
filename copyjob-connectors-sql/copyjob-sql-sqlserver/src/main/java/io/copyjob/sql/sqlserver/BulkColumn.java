package io.copyjob.sql.sqlserver;

import io.copyjob.data.LogicalType;

/**
 * The bulk-copy source metadata of one column: destination name, {@link java.sql.Types} code, precision and
 * scale, plus the fractional-second digits the destination keeps (temporal values are cut there, never
 * rounded). Immutable.
 */
public record BulkColumn(String name, LogicalType type, int jdbcType, int precision, int scale, int keptFractionDigits,
    String destinationType) {

  /** Metadata for a destination whose type name is not known. */
  public BulkColumn(String name, LogicalType type, int jdbcType, int precision, int scale, int keptFractionDigits) {
    this(name, type, jdbcType, precision, scale, keptFractionDigits, null);
  }

  /**
   * Metadata for a column of {@code type} written into a destination column of type {@code destination}: its scale
   * bounds the digits kept, and a {@code datetime} or {@code smalldatetime} destination has values cut to its
   * 1/300 s tick or minute (both round otherwise, 23:59:59.999 into the next day).
   */
  public static BulkColumn of(String name, LogicalType type, SqlServerType destination) {
    BulkColumn c = of(name, type, destination.scale());
    return new BulkColumn(c.name(), c.type(), c.jdbcType(), c.precision(), c.scale(), c.keptFractionDigits(),
        destination.name());
  }

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
