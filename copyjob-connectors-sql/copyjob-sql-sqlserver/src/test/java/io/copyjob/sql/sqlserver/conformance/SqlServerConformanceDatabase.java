package io.copyjob.sql.sqlserver.conformance;

import io.copyjob.sql.sqlserver.SqlServerTestServer;
import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.PortableType;
import io.copyjob.testkit.conformance.Sandbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SQL Server for the conformance suite: a fresh database per sandbox on the Testcontainers server (tables in
 * {@code dbo}), datetime2(7)/datetimeoffset(7) timestamps, native uniqueidentifier, and bulk copy with and without
 * a table lock and a small batch size as sink variants.
 */
final class SqlServerConformanceDatabase implements ConformanceDatabase {
  static final SqlServerConformanceDatabase INSTANCE = new SqlServerConformanceDatabase();

  private SqlServerConformanceDatabase() {
  }

  @Override
  public Sandbox newSandbox(String prefix) {
    SqlServerTestServer db = SqlServerTestServer.newDatabase(prefix);
    return new Sandbox(this, db.spec(), "dbo", db::connect);
  }

  @Override
  public String sqlType(PortableType type) {
    switch (type) {
      case BIGINT: return "bigint";
      case INTEGER: return "int";
      case DECIMAL: return "decimal(38,9)";
      case VARCHAR: return "nvarchar(" + PortableType.VARCHAR_LENGTH + ")";
      case TEXT: return "nvarchar(max)";
      case TIMESTAMP: return "datetime2(7)";
      case TIMESTAMP_TZ: return "datetimeoffset(7)";
      case DATE: return "date";
      case BOOLEAN: return "bit";
      case BINARY: return "varbinary(max)";
      case UUID: return "uniqueidentifier";
      default: throw new IllegalArgumentException(type.name());
    }
  }

  @Override
  public int timestampDigits() {
    return 7;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.NATIVE_UUID);
  }

  @Override
  public String literal(PortableType type, String value) {
    switch (type) {
      case BINARY: return "0x" + value;
      case BOOLEAN: return value.equals("true") ? "1" : "0";
      case VARCHAR: case TEXT: return "N'" + value.replace("'", "''") + "'";
      case TIMESTAMP_TZ: return "CAST('" + value + "' AS datetimeoffset(7))";
      case TIMESTAMP: return "CAST('" + value + "' AS datetime2(7))";
      default: return ConformanceDatabase.super.literal(type, value);
    }
  }

  /** datetimeoffset is a vendor type (-155); uniqueidentifier reads as upper-case text. */
  @Override
  public Object readValue(ResultSet rs, int column) throws SQLException {
    int type = rs.getMetaData().getColumnType(column);
    String name = rs.getMetaData().getColumnTypeName(column);
    if (type == microsoft.sql.Types.DATETIMEOFFSET || "datetimeoffset".equals(name)) {
      return rs.getObject(column, OffsetDateTime.class);
    }
    if ("uniqueidentifier".equals(name)) {
      String s = rs.getString(column);
      return s == null ? null : UUID.fromString(s);
    }
    switch (type) {
      case Types.TIMESTAMP: return rs.getObject(column, LocalDateTime.class);
      case Types.DATE: return rs.getObject(column, LocalDate.class);
      default: return rs.getObject(column);
    }
  }

  @Override
  public Map<String, Map<String, String>> sinkVariants() {
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    variants.put("bulk-copy", Map.of());
    // A batch size that does not divide the row counts, and the bulk-update table lock.
    variants.put("bulk-copy-tablock", Map.of("tableLock", "true", "batchSize", "333"));
    return variants;
  }
}
