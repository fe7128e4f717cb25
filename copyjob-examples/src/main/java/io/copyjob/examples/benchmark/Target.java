package io.copyjob.examples.benchmark;

/**
 * What a variant must reach against its scenario's baseline, measured in the same run.
 *
 * @param kind  how the ratio is formed and compared
 * @param bound the ratio to reach
 */
record Target(Kind kind, double bound) {
  enum Kind {
    /** ratio = baseline seconds / variant seconds (throughput ratio), at least {@code bound}. */
    THROUGHPUT_AT_LEAST,
    /** ratio = variant seconds / baseline seconds, at most {@code bound}. */
    TIME_AT_MOST,
    /** throughput ratio reported, no bound (the scaling of splits, the cost of an object store). */
    REPORT,
    /** no baseline: the run must complete (in the scenario's heap). */
    COMPLETES
  }

  static Target throughputAtLeast(double bound) {
    return new Target(Kind.THROUGHPUT_AT_LEAST, bound);
  }

  static Target timeAtMost(double bound) {
    return new Target(Kind.TIME_AT_MOST, bound);
  }

  static Target report() {
    return new Target(Kind.REPORT, 0);
  }

  static Target completes() {
    return new Target(Kind.COMPLETES, 0);
  }

  /** The ratio of a variant's median to the baseline's; NaN without a baseline. */
  double ratio(double baselineSeconds, double seconds) {
    return switch (kind) {
      case TIME_AT_MOST -> seconds / baselineSeconds;
      case THROUGHPUT_AT_LEAST, REPORT -> baselineSeconds / seconds;
      case COMPLETES -> Double.NaN;
    };
  }

  boolean met(double ratio) {
    return switch (kind) {
      case THROUGHPUT_AT_LEAST -> ratio >= bound;
      case TIME_AT_MOST -> ratio <= bound;
      case REPORT, COMPLETES -> true;
    };
  }

  /** The target as the table states it. */
  String describe() {
    return switch (kind) {
      case THROUGHPUT_AT_LEAST -> String.format("≥ %.2f", bound);
      case TIME_AT_MOST -> String.format("≤ %.2f of the time", bound);
      case REPORT -> "reported";
      case COMPLETES -> "completes";
    };
  }
}
