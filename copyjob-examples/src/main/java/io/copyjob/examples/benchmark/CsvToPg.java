package io.copyjob.examples.benchmark;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RejectPolicy;
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
  private static final String REJECTS_TARGET = "csv_pg_rejects";
  private static final int MAX_ERRORS = 10;

  private CsvToPg() {
  }

  static Scenario scenario() {
    return Scenario.rounds("csv-pg", "CSV file → PostgreSQL", List.of(
        Scenario.Spec.baseline("CopyManager COPY FROM STDIN (FORMAT csv)", StreamFile::new),
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.9), ctx -> new Copyjob(ctx, COPYJOB_TARGET, null)),
        Scenario.Spec.measured("copyjob, MAXERRORS 10", Target.throughputAtLeast(0.75),
            ctx -> new Copyjob(ctx, REJECTS_TARGET, RejectPolicy.maxRows(MAX_ERRORS)))));
  }

  /**
   * HOOK for issue 4 (COPY INTO): the source of both copyjob variants. Switch it to the COPY INTO source (this
   * file, FILE_TYPE CSV, FIRSTROW 2) and, in {@link Copyjob}, map {@code rejects} to its MAXERRORS (and an
   * ERRORFILE under {@code ctx.output("csv-pg-errors")}) instead of the table's {@link RejectPolicy}.
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

    /**
     * {@code rejects} null: the text goes to PostgreSQL as it is and PostgreSQL parses it (the first bad value
     * fails the table). With a policy, copyjob converts every value to the column's type itself, so that a bad
     * row is rejected and counted instead of failing the load: the cost of that is what the variant measures
     * (on the same clean file: no row is actually rejected).
     */
    Copyjob(BenchContext ctx, String target, RejectPolicy rejects) {
      this.ctx = ctx;
      this.target = target;
      this.job = CopyJob.builder().name("benchmark-" + target).source(source(ctx))
          .destination(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .table(FilesOptions.DEFAULT_DATASET, t -> {
            t.renameTo("public." + target);
            if (rejects != null) {
              BenchmarkData.typed(t).rejects(rejects);
            }
          })
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
