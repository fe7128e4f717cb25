package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.copyinto.CopyInto;
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
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.9), ctx -> new Copyjob(ctx, COPYJOB_TARGET, 0)),
        Scenario.Spec.measured("copyjob, MAXERRORS 10", Target.throughputAtLeast(0.75),
            ctx -> new Copyjob(ctx, REJECTS_TARGET, MAX_ERRORS))));
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
    private final CopyInto load;
    private CopyJob job;

    /**
     * The load as T-SQL's COPY INTO (issue 4): the file, FIRSTROW 2 (its header), typed by the table's columns;
     * {@code maxErrors} 0 is COPY's default (the first bad row fails the load), above that rejected rows are
     * skipped and counted, and the PostgreSQL sink copies batch by batch in savepoints to find refused rows.
     */
    Copyjob(BenchContext ctx, String target, int maxErrors) {
      this.ctx = ctx;
      this.target = target;
      this.load = CopyInto.parse("COPY INTO public." + target + " FROM '" + Fixtures.csv(ctx)
              + "' WITH (FIRSTROW = 2, MAXERRORS = " + maxErrors + ")")
          .name("benchmark-" + target).destination(PostgresConnection.of(ctx.url(), ctx.user(), "")).build();
    }

    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, target);
      }
      job = load.job(); // reads the table's columns: outside the timed part
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
