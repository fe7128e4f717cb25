package io.copyjob.examples.benchmark;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.FilesOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * A CSV file → PostgreSQL against {@code CopyManager} streaming the raw file into {@code COPY ... FROM STDIN
 * (FORMAT csv)}: what {@code psql \copy} does, without needing psql on the machine.
 */
final class CsvToPg {
  private static final String BASELINE_TARGET = "csv_pg_baseline";
  private static final String COPYJOB_TARGET = "csv_pg_copyjob";

  private CsvToPg() {
  }

  static Scenario scenario() {
    return Scenario.rounds("csv-pg", "CSV file → PostgreSQL", List.of(
        Scenario.Spec.baseline("CopyManager COPY FROM STDIN (FORMAT csv)", StreamFile::new),
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.9), Copyjob::new),
        // Hook for issue 4 (COPY INTO): when copyInto() can build a source with MAXERRORS, replace this pending
        // spec with Scenario.Spec.measured("copyjob, MAXERRORS", Target.throughputAtLeast(0.75),
        //     ctx -> new Copyjob(ctx, copyInto(ctx, /* maxErrors */ 10), "csv_pg_rejects")).
        Scenario.Spec.pending("copyjob, MAXERRORS", Target.throughputAtLeast(0.75),
            "COPY INTO with MAXERRORS is issue 4, not merged yet")));
  }

  /**
   * The source of the copyjob variant. Issue 4 switches this to COPY INTO (the same file, CSV, FIRSTROW=2) and adds
   * the MAXERRORS variant above.
   */
  private static ConnectorSpec source(BenchContext ctx) {
    return FilesLocation.builder().locations(Fixtures.csv(ctx).toString()).format(FilesLocation.Format.CSV).build();
  }

  private record StreamFile(BenchContext ctx) implements Variant {
    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, BASELINE_TARGET);
      }
    }

    @Override
    public long run() throws Exception {
      try (Connection c = ctx.connect(); InputStream in = Files.newInputStream(Fixtures.csv(ctx))) {
        return c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + BASELINE_TARGET + " FROM STDIN (FORMAT csv, HEADER)", in, 1 << 16);
      }
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.SOURCE, BASELINE_TARGET);
    }
  }

  private static final class Copyjob implements Variant {
    private final BenchContext ctx;
    private final String target;
    private final CopyJob job;

    Copyjob(BenchContext ctx) {
      this(ctx, source(ctx), COPYJOB_TARGET);
    }

    Copyjob(BenchContext ctx, ConnectorSpec source, String target) {
      this.ctx = ctx;
      this.target = target;
      this.job = CopyJob.builder().name("benchmark-csv-pg").source(source)
          .destination(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .table(FilesOptions.DEFAULT_DATASET, t -> t.renameTo("public." + target))
          .build();
    }

    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, target);
      }
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.SOURCE, target);
    }
  }
}
