package io.copyjob.testkit.conformance;

import io.copyjob.data.LogicalType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;

/**
 * What the conformance suite needs to know about one database and its connector: how to make a fresh, empty
 * place for tables, how the portable column types are spelled, how literals are written where the spelling
 * differs, and what the database can do. Everything else (creating tables, inserting rows, reading them back as
 * normalised strings) the suite does itself through {@link Sandbox} with plain JDBC.
 *
 * <p>Table and column names in the suite are lower-case, unquoted SQL identifiers; DDL is portable SQL
 * ({@code PRIMARY KEY}, {@code NOT NULL}, {@code UNIQUE}, {@code CHECK}) with the types from {@link #sqlType}.
 */
public interface ConformanceDatabase {
  /** Things a database may or may not do, which change what the suite declares or expects. */
  enum Capability {
    /** The database has a UUID type and the connector reads it as {@link LogicalType#uuid()}. */
    NATIVE_UUID
  }

  /**
   * A fresh, empty database or schema, whose name starts with {@code prefix}, with a {@link io.copyjob.ConnectorSpec}
   * of the connector under test pointing at it. Called twice per test (source and destination).
   */
  Sandbox newSandbox(String prefix);

  /** The type to declare for {@code type} in CREATE TABLE, e.g. {@code numeric(38,9)} or {@code datetime2(7)}. */
  String sqlType(PortableType type);

  /** Fractional-second digits of {@link PortableType#TIMESTAMP} and {@link PortableType#TIMESTAMP_TZ}: 6 or 7. */
  default int timestampDigits() {
    return 6;
  }

  default Set<Capability> capabilities() {
    return Set.of();
  }

  /**
   * A SQL literal for a non-null value of {@code type}. {@code value} is in the suite's normal form (see
   * {@link NormalForm}) except for {@link PortableType#TIMESTAMP_TZ}, which comes with an explicit offset
   * ({@code 2024-02-29 23:59:59.999999+05:30}). The default quotes the text; override it for types whose
   * literals differ, such as binary ({@code 00ff10} is hex), booleans ({@code true}/{@code false}) or Unicode
   * strings ({@code N'...'}).
   */
  default String literal(PortableType type, String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** The logical type the connector reads a column of {@code type} as, and the type it creates for it. */
  default LogicalType logicalType(PortableType type) {
    switch (type) {
      case BIGINT: return LogicalType.int64();
      case INTEGER: return LogicalType.int32();
      case DECIMAL: return LogicalType.decimal(38, 9);
      case VARCHAR: return LogicalType.string(PortableType.VARCHAR_LENGTH);
      case TEXT: return LogicalType.string();
      case TIMESTAMP: return LogicalType.timestamp(timestampDigits());
      case TIMESTAMP_TZ: return LogicalType.timestampTz(timestampDigits());
      case DATE: return LogicalType.date();
      case BOOLEAN: return LogicalType.bool();
      case BINARY: return LogicalType.binary();
      case UUID: return capabilities().contains(Capability.NATIVE_UUID) ? LogicalType.uuid() : LogicalType.string(36);
      default: throw new IllegalArgumentException(type.name());
    }
  }

  /**
   * Reads column {@code column} of the current row as a Java value that {@link NormalForm#of(Object)} renders
   * (a {@link LocalDateTime} for timestamps, an {@link OffsetDateTime} or {@link java.time.Instant} for
   * timestamps with zone, a {@link LocalDate} for dates, {@code byte[]}, {@link java.util.UUID}, numbers,
   * booleans, strings), or null. The default goes by the JDBC type; override it where the driver reports a
   * vendor type (e.g. SQL Server's {@code datetimeoffset}) or needs another class.
   */
  default Object readValue(ResultSet rs, int column) throws SQLException {
    switch (rs.getMetaData().getColumnType(column)) {
      case Types.TIMESTAMP: return rs.getObject(column, LocalDateTime.class);
      case Types.TIMESTAMP_WITH_TIMEZONE: return rs.getObject(column, OffsetDateTime.class);
      case Types.DATE: return rs.getObject(column, LocalDate.class);
      default: return rs.getObject(column);
    }
  }

  /**
   * Variants of the destination to run every writing test with, by name: options added to the sandbox's
   * spec (e.g. PostgreSQL's {@code writeMethod} {@code copy} and {@code insert}). One unnamed variant by default.
   */
  default Map<String, Map<String, String>> sinkVariants() {
    return Map.of("default", Map.of());
  }
}
