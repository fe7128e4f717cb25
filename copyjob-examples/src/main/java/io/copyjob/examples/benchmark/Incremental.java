package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.core.WatermarkStores;
import io.copyjob.sql.postgresql.PostgresConnection;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * An incremental run (incremental column {@code created_at}, upsert on the primary key) after 1% of the rows
 * changed, against a full copy of the same table. The source has an index on the incremental column, as any
 * table copied incrementally should.
 */
final class Incremental {
  private static final String FULL_TARGET = "incremental_full";
  private static final String TARGET = "incremental_target";

  private Incremental() {
  }

  static Scenario scenario() {
    return Scenario.rounds("incremental", "Incremental, 1% changed", List.of(
        Scenario.Spec.baseline("copyjob, full copy", FullCopy::new),
        Scenario.Spec.measured("copyjob, incremental run", Target.timeAtMost(0.05), Changes::new)));
  }

  private static CopyJob.Builder job(BenchContext ctx) {
    return CopyJob.builder().source(PostgresConnection.of(ctx.url(), ctx.user(), ""))
        .destination(PostgresConnection.of(ctx.url(), ctx.user(), ""));
  }

  private static final class FullCopy implements Variant {
    private final BenchContext ctx;
    private final CopyJob job;

    FullCopy(BenchContext ctx) {
      this.ctx = ctx;
      this.job = job(ctx).name("benchmark-full")
          .table("public." + Fixtures.INCREMENTAL_SOURCE, t -> t.renameTo("public." + FULL_TARGET)).build();
    }

    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, FULL_TARGET);
      }
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    /** By count: the other variant changes the source after this one's last round. */
    @Override
    public void verify() throws Exception {
      Checks.expect(FULL_TARGET, ctx.rows(), Checks.count(ctx, "SELECT count(*) FROM " + FULL_TARGET));
    }
  }

  /** Holds its watermark across rounds: the first round loads the table (untimed), every later run is incremental. */
  private static final class Changes implements Variant {
    private final BenchContext ctx;
    private final CopyJob job;
    private boolean loaded;

    Changes(BenchContext ctx) {
      this.ctx = ctx;
      this.job = job(ctx).name("benchmark-incremental").watermarkStore(WatermarkStores.inMemory())
          .table("public." + Fixtures.INCREMENTAL_SOURCE,
              t -> t.renameTo("public." + TARGET).incremental("created_at").upsert())
          .build();
    }

    /** Loads the table once, then changes 1% of the rows: a new quantity, a created_at above the watermark. */
    @Override
    public void prepare(int round) throws Exception {
      if (!loaded) {
        try (Connection c = ctx.connect()) {
          BenchmarkData.createEmpty(c, TARGET);
        }
        job.run().throwIfFailed();
        loaded = true;
      }
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        s.execute("UPDATE " + Fixtures.INCREMENTAL_SOURCE + " SET qty = qty + 1, created_at = timestamp '2100-01-01'"
            + " + " + round + " * interval '1 day' + id * interval '1 microsecond' WHERE id % 100 = " + round);
      }
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.INCREMENTAL_SOURCE, TARGET);
    }
  }
}
