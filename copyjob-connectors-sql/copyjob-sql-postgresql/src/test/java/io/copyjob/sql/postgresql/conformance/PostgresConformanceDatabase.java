package io.copyjob.sql.postgresql.conformance;

import io.copyjob.testkit.TestDatabase;
import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.PortableType;
import io.copyjob.testkit.conformance.Sandbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL for the conformance suite: a fresh database on the embedded server per sandbox (tables in
 * {@code public}), microsecond timestamps, native uuid, and both write methods (binary COPY and batched INSERT)
 * as sink variants.
 */
final class PostgresConformanceDatabase implements ConformanceDatabase {
  static final PostgresConformanceDatabase INSTANCE = new PostgresConformanceDatabase();

  private PostgresConformanceDatabase() {
  }

  @Override
  public Sandbox newSandbox(String prefix) {
    TestDatabase db = new TestDatabase(prefix);
    return new Sandbox(this, db.spec(), "public", db::connect);
  }

  @Override
  public String sqlType(PortableType type) {
    switch (type) {
      case BIGINT: return "bigint";
      case INTEGER: return "integer";
      case DECIMAL: return "numeric(38,9)";
      case VARCHAR: return "varchar(" + PortableType.VARCHAR_LENGTH + ")";
      case TEXT: return "text";
      case TIMESTAMP: return "timestamp(6)";
      case TIMESTAMP_TZ: return "timestamptz";
      case DATE: return "date";
      case BOOLEAN: return "boolean";
      case BINARY: return "bytea";
      case UUID: return "uuid";
      default: throw new IllegalArgumentException(type.name());
    }
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.NATIVE_UUID);
  }

  @Override
  public String literal(PortableType type, String value) {
    return type == PortableType.BINARY ? "decode('" + value + "', 'hex')" : ConformanceDatabase.super.literal(type, value);
  }

  /** pgjdbc reports timestamptz as {@code Types.TIMESTAMP}: go by the type name. */
  @Override
  public Object readValue(ResultSet rs, int column) throws SQLException {
    switch (rs.getMetaData().getColumnTypeName(column)) {
      case "timestamp": return rs.getObject(column, LocalDateTime.class);
      case "timestamptz": return rs.getObject(column, OffsetDateTime.class);
      case "date": return rs.getObject(column, LocalDate.class);
      default: return rs.getObject(column);
    }
  }

  @Override
  public Map<String, Map<String, String>> sinkVariants() {
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    variants.put("copy", Map.of("writeMethod", "copy"));
    // A batch size that does not divide the row counts, so the last batch is a partial one.
    variants.put("insert", Map.of("writeMethod", "insert", "insertBatchSize", "333"));
    return variants;
  }
}
