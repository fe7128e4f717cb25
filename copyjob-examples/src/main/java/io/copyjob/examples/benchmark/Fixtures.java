package io.copyjob.examples.benchmark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * The data every scenario reads, made once per suite run in the orchestrator, never timed: the main table, the
 * same rows as CSV files (PostgreSQL's own CSV, with a header), the incremental scenario's source table.
 */
final class Fixtures {
  /** The main table, {@link BenchContext#rows()} rows. */
  static final String SOURCE = "source_table";
  /** The incremental scenario's source: a copy of {@link #SOURCE} with an index on its incremental column. */
  static final String INCREMENTAL_SOURCE = "incremental_source";
  /** The memory scenario's table, made only when that scenario runs. */
  static final String BIG_SOURCE = "big_source";

  private Fixtures() {
  }

  /** {@link #SOURCE} as CSV. */
  static Path csv(BenchContext ctx) {
    return ctx.work().resolve("data").resolve("source.csv");
  }

  /** The first half of {@link #SOURCE} as CSV (1M rows at the default size). */
  static Path halfCsv(BenchContext ctx) {
    return ctx.work().resolve("data").resolve("half.csv");
  }

  static long halfRows(BenchContext ctx) {
    return ctx.rows() / 2;
  }

  static void create(BenchContext ctx) throws SQLException, IOException {
    Files.createDirectories(csv(ctx).getParent());
    try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
      BenchmarkData.create(c, SOURCE, ctx.rows());
      export(c, "COPY " + SOURCE + " TO STDOUT (FORMAT csv, HEADER)", csv(ctx));
      export(c, "COPY (SELECT * FROM " + SOURCE + " WHERE id <= " + halfRows(ctx) + ") TO STDOUT (FORMAT csv, HEADER)",
          halfCsv(ctx));
      s.execute("CREATE TABLE " + INCREMENTAL_SOURCE + " AS SELECT * FROM " + SOURCE);
      s.execute("ALTER TABLE " + INCREMENTAL_SOURCE + " ADD PRIMARY KEY (id)");
      // An incremental source has an index on its change column, or every run scans the whole table.
      s.execute("CREATE INDEX ON " + INCREMENTAL_SOURCE + " (created_at)");
      s.execute("VACUUM ANALYZE " + INCREMENTAL_SOURCE);
    }
  }

  /** The CSV size of one average row of the main table: MB/s of every scenario is rows times this. */
  static double csvBytesPerRow(BenchContext ctx) throws IOException {
    return (double) Files.size(csv(ctx)) / ctx.rows();
  }

  static void createBig(BenchContext ctx, long rows) throws SQLException {
    try (Connection c = ctx.connect()) {
      BenchmarkData.create(c, BIG_SOURCE, rows);
    }
  }

  static void dropBig(BenchContext ctx) throws SQLException {
    try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + BIG_SOURCE);
    }
  }

  private static void export(Connection c, String copySql, Path file) throws SQLException, IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      c.unwrap(PGConnection.class).getCopyAPI().copyOut(copySql, out);
    }
  }
}
