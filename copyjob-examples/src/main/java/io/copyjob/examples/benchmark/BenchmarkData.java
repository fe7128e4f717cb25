package io.copyjob.examples.benchmark;

import io.copyjob.TableSpec;
import io.copyjob.data.LogicalType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The deterministic benchmark table: 10 columns of mixed types (bigint, int, text, numeric(12,2), timestamp,
 * date, boolean, double, uuid, and a nullable text), generated inside PostgreSQL from the row number alone.
 */
final class BenchmarkData {
  static final String COLUMNS = "id bigint NOT NULL, qty int NOT NULL, name text NOT NULL,"
      + " price numeric(12,2) NOT NULL, created_at timestamp(6) NOT NULL, day date NOT NULL, active boolean NOT NULL,"
      + " score double precision NOT NULL, ref uuid NOT NULL, note text";

  private BenchmarkData() {
  }

  /** Converts the text columns of the table read from CSV to the table's types (name and note stay text). */
  static TableSpec.Builder typed(TableSpec.Builder t) {
    return t.convert("id", LogicalType.int64()).convert("qty", LogicalType.int32())
        .convert("price", LogicalType.decimal(12, 2)).convert("created_at", LogicalType.timestamp(6))
        .convert("day", LogicalType.date()).convert("active", LogicalType.bool())
        .convert("score", LogicalType.float64()).convert("ref", LogicalType.uuid());
  }

  /** Table {@code table} with rows 1 to {@code rows}, its primary key on {@code id}, vacuumed and analyzed. */
  static void create(Connection c, String table, long rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
      s.execute("INSERT INTO " + table + " SELECT g, (g % 1000)::int, 'name-' || g, (g % 100000) / 100.0,"
          + " timestamp '2020-01-01' + g * interval '1 second' + (g % 1000000) * interval '1 microsecond',"
          + " date '2020-01-01' + (g % 3650)::int, g % 2 = 0, g * 0.5, md5(g::text)::uuid,"
          + " CASE WHEN g % 10 = 0 THEN NULL ELSE 'note ' || g END FROM generate_series(1, " + rows + ") g");
      // The key is built after the load: one sort instead of 'rows' index insertions.
      s.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (id)");
      // Sets the hint bits now, so that no measured run is the first to read (and rewrite) every page.
      s.execute("VACUUM ANALYZE " + table);
    }
  }

  /** An empty table of the same shape, with the primary key. */
  static void createEmpty(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (" + COLUMNS + ", PRIMARY KEY (id))");
    }
  }
}
