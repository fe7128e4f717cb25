package io.copyjob.examples.benchmark;

import java.util.List;
import java.util.Locale;

/** The results as a markdown table. */
final class ResultTable {
  private static final double MB = 1 << 20;

  private ResultTable() {
  }

  /** {@code bytesPerRow}: the CSV size of one row, so that MB/s is comparable across scenarios and formats. */
  static String markdown(List<Result> results, double bytesPerRow) {
    StringBuilder t = new StringBuilder();
    t.append("| scenario | variant | rows | seconds | rows/s | MB/s | peak heap | heap after GC | peak RSS | ratio | target | load (1 min) |\n");
    t.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
    for (Result r : results) {
      if (!r.ran()) {
        t.append(String.format(Locale.ROOT, "| %s | %s | | | | | | | | | %s: not run, %s | |%n", r.scenario().title(),
            r.variant().name(), r.variant().target().describe(), r.variant().pending()));
        continue;
      }
      t.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f | %,.0f | %.1f | %s | %s | %s | %s | %s | %s |%n",
          r.scenario().title(), r.variant().name(), r.rows(), r.seconds(), r.rows() / r.seconds(),
          r.rows() * bytesPerRow / MB / r.seconds(), mb(r.peakHeapBytes()),
          r.peakAfterGcBytes() == 0 ? "no GC" : mb(r.peakAfterGcBytes()), mb(r.peakRssBytes()), ratio(r),
          target(r), r.load()));
    }
    return t.toString();
  }

  private static String ratio(Result r) {
    return Double.isNaN(r.ratio()) ? (r.isBaseline() && r.scenario().runs() == Scenario.Runs.ALTERNATE_ROUNDS
        ? "baseline" : "–") : String.format(Locale.ROOT, "%.2f", r.ratio());
  }

  private static String target(Result r) {
    if (r.isBaseline()) {
      return "";
    }
    if (r.variant().target().kind() == Target.Kind.REPORT) {
      return r.variant().target().describe();
    }
    return r.variant().target().describe() + (r.met() ? ": met" : ": **missed**");
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / MB));
  }
}
