package io.copyjob.examples.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL → Parquet files against PostgreSQL writing the same table as a CSV file itself (server-side
 * {@code COPY ... TO 'file'}: no client, no network, no encoding beyond text), and the same copy with 1, 2 and 4
 * splits read and written in parallel.
 */
final class PgToParquet {
  private PgToParquet() {
  }

  static Scenario scenario() {
    return Scenario.rounds("pg-parquet", "PostgreSQL → Parquet files", List.of(
        Scenario.Spec.baseline("COPY TO a CSV file (server side)", CsvExport::new),
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.7),
            ctx -> new ParquetExport(ctx, Fixtures.SOURCE, "pg-parquet", 1))));
  }

  static Scenario splits() {
    return Scenario.rounds("splits", "PostgreSQL → Parquet, parallel splits", List.of(
        Scenario.Spec.baseline("copyjob, 1 split", ctx -> new ParquetExport(ctx, Fixtures.SOURCE, "splits-1", 1)),
        Scenario.Spec.measured("copyjob, 2 splits", Target.report(),
            ctx -> new ParquetExport(ctx, Fixtures.SOURCE, "splits-2", 2)),
        Scenario.Spec.measured("copyjob, 4 splits", Target.report(),
            ctx -> new ParquetExport(ctx, Fixtures.SOURCE, "splits-4", 4))));
  }

  private record CsvExport(BenchContext ctx) implements Variant {
    private Path file() {
      return ctx.output("pg-csv").resolve("source.csv").toAbsolutePath();
    }

    @Override
    public void prepare(int round) throws Exception {
      Files.createDirectories(file().getParent());
      Files.deleteIfExists(file());
    }

    @Override
    public long run() throws Exception {
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        return s.executeLargeUpdate("COPY " + Fixtures.SOURCE + " TO " + DuckDb.quote(file().toString())
            + " (FORMAT csv, HEADER)");
      }
    }

    @Override
    public void verify() throws Exception {
      Checks.expect(file().toString(), Files.size(Fixtures.csv(ctx)), Files.size(file()));
    }
  }
}
