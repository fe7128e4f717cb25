package io.copyjob.examples.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * Bounded memory: a table ten times the main one (20M rows at the default size) → Parquet files in a 256 MB heap.
 * Run once: the figure that matters is the peak heap, not a median.
 */
final class Memory {
  static final String HEAP = "256m";

  private Memory() {
  }

  static Scenario scenario() {
    return new Scenario("memory", "PostgreSQL → Parquet, 10× rows, -Xmx" + HEAP,
        List.of(Scenario.Spec.measured("copyjob", Target.completes(),
            ctx -> new ParquetExport(ctx, Fixtures.BIG_SOURCE, "memory", 1))),
        Scenario.Runs.ONCE, Optional.of(HEAP), ctx -> Fixtures.createBig(ctx, bigRows(ctx)), Fixtures::dropBig);
  }

  static long bigRows(BenchContext ctx) {
    return ctx.rows() * 10;
  }
}
