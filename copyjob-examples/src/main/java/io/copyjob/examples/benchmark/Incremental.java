package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.core.WatermarkStores;
import io.copyjob.sql.postgresql.PostgresConnection;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * An incremental run (incremental column {@code created_at}) after 1% of the rows changed, against a full copy of
 * the same table: appending the changed rows (the default write behaviour, keeping change history) and upserting
 * them on the primary key. The source has an index on the incremental column, as any table copied incrementally
 * should.
 */
final class Incremental {
  private static final String FULL_TARGET = "incremental_full";
  private static final String APPEND_TARGET = "incremental_append";
  private static final String UPSERT_TARGET = "incremental_upsert";

  private Incremental() {
  }

  static Scenario scenario() {
    return Scenario.rounds("incremental", "Incremental, 1% changed", List.of(
        Scenario.Spec.baseline("copyjob, full copy", FullCopy::new),
        Scenario.Spec.measured("copyjob, incremental, append", Target.timeAtMost(0.05),
            ctx -> new Changes(ctx, APPEND_TARGET, false)),
        Scenario.Spec.measured("copyjob, incremental, upsert", Target.timeAtMost(0.05),
            ctx -> new Changes(ctx, UPSERT_TARGET, true))));
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

  /**
   * Holds its watermark across rounds: the first round loads the table (untimed), every later run is incremental.
   * Both incremental variants change the same rows to the same values in a round, so neither disturbs the other.
   */
  private static final class Changes implements Variant {
    private final BenchContext ctx;
    private final String target;
    private final boolean upsert;
    private final CopyJob job;
    private boolean loaded;
    private int changes;

    Changes(BenchContext ctx, String target, boolean upsert) {
      this.ctx = ctx;
      this.target = target;
      this.upsert = upsert;
      this.job = job(ctx).name("benchmark-" + target).watermarkStore(WatermarkStores.inMemory())
          .table("public." + Fixtures.INCREMENTAL_SOURCE, t -> {
            t.renameTo("public." + target).incremental("created_at");
            if (upsert) {
              t.upsert();
            }
          })
          .build();
    }

    /** Loads the table once, then changes 1% of the rows: a new quantity, a created_at above the watermark. */
    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        if (!loaded) {
          // Appending keeps every version of a row: that table has no primary key.
          s.execute("DROP TABLE IF EXISTS " + target);
          s.execute("CREATE TABLE " + target + " (" + BenchmarkData.COLUMNS + (upsert ? ", PRIMARY KEY (id))" : ")"));
          job.run().throwIfFailed();
          loaded = true;
        }
        s.execute("UPDATE " + Fixtures.INCREMENTAL_SOURCE + " SET qty = " + round + ", created_at = timestamp '2100-01-01'"
            + " + " + round + " * interval '1 day' + id * interval '1 microsecond' WHERE id % 100 = " + round);
      }
      changes++;
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    /** Upsert: the copy equals the source. Append: the first load plus every changed row once more. */
    @Override
    public void verify() throws Exception {
      if (upsert) {
        Checks.sameRows(ctx, Fixtures.INCREMENTAL_SOURCE, target);
      } else {
        Checks.expect(target, ctx.rows() + changes * (ctx.rows() / 100), Checks.count(ctx, "SELECT count(*) FROM " + target));
      }
    }
  }
}
