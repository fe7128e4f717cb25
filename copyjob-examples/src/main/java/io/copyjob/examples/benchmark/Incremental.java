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
  private static final String DATABASE_TARGET = "incremental_database";

  private Incremental() {
  }

  static Scenario scenario() {
    return Scenario.rounds("incremental", "Incremental, 1% changed", List.of(
        Scenario.Spec.baseline("copyjob, full copy", FullCopy::new),
        Scenario.Spec.measured("copyjob, incremental, append", Target.timeAtMost(0.05),
            ctx -> new Changes(ctx, APPEND_TARGET, false)),
        Scenario.Spec.measured("copyjob, incremental, upsert", Target.timeAtMost(0.05),
            ctx -> new Changes(ctx, UPSERT_TARGET, true)),
        Scenario.Spec.measured("reference: PostgreSQL alone, INSERT … SELECT … ON CONFLICT", Target.timeAtMost(0.05),
            DatabaseUpsert::new)));
  }

  /** Changes 1% of the rows: a new quantity, and a created_at above every watermark so far. */
  private static void change(Statement s, int round) throws java.sql.SQLException {
    s.execute("UPDATE " + Fixtures.INCREMENTAL_SOURCE + " SET qty = " + round + ", created_at = timestamp '2100-01-01'"
        + " + " + round + " * interval '1 day' + id * interval '1 microsecond' WHERE id % 100 = " + round);
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

    /**
     * Makes the round's change (this variant runs first in every round, so every incremental variant sees the same
     * one update of 1% of the rows), then empties the full copy's destination.
     */
    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        change(s, round);
        BenchmarkData.createEmpty(c, FULL_TARGET);
      }
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.INCREMENTAL_SOURCE, FULL_TARGET);
    }
  }

  /** Holds its watermark across rounds: loads the table when opened (untimed); every timed run is incremental. */
  private static final class Changes implements Variant {
    private final BenchContext ctx;
    private final String target;
    private final boolean upsert;
    private final CopyJob job;
    private int changes;

    Changes(BenchContext ctx, String target, boolean upsert) throws Exception {
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
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        // Appending keeps every version of a row: that table has no primary key.
        s.execute("DROP TABLE IF EXISTS " + target);
        s.execute("CREATE TABLE " + target + " (" + BenchmarkData.COLUMNS + (upsert ? ", PRIMARY KEY (id))" : ")"));
      }
      job.run().throwIfFailed();
    }

    @Override
    public long run() {
      changes++;
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

  /**
   * The floor of applying the changes: PostgreSQL upserting the changed rows from the source table into a copy in
   * the same database, with no client in between. Shows how much of an upsert run is the database's own cost.
   */
  private static final class DatabaseUpsert implements Variant {
    private final BenchContext ctx;
    private String watermark;

    DatabaseUpsert(BenchContext ctx) throws Exception {
      this.ctx = ctx;
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        BenchmarkData.createEmpty(c, DATABASE_TARGET);
        s.execute("INSERT INTO " + DATABASE_TARGET + " SELECT * FROM " + Fixtures.INCREMENTAL_SOURCE);
        watermark = upperBound(s);
      }
    }

    @Override
    public long run() throws Exception {
      try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
        String upper = upperBound(s);
        long rows = s.executeLargeUpdate("INSERT INTO " + DATABASE_TARGET + " SELECT * FROM " + Fixtures.INCREMENTAL_SOURCE
            + " WHERE created_at > '" + watermark + "' AND created_at <= '" + upper + "' ON CONFLICT (id) DO UPDATE SET"
            + " qty = EXCLUDED.qty, name = EXCLUDED.name, price = EXCLUDED.price, created_at = EXCLUDED.created_at,"
            + " day = EXCLUDED.day, active = EXCLUDED.active, score = EXCLUDED.score, ref = EXCLUDED.ref,"
            + " note = EXCLUDED.note");
        watermark = upper;
        return rows;
      }
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.INCREMENTAL_SOURCE, DATABASE_TARGET);
    }

    private static String upperBound(Statement s) throws java.sql.SQLException {
      try (java.sql.ResultSet rs = s.executeQuery("SELECT max(created_at)::text FROM " + Fixtures.INCREMENTAL_SOURCE)) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
