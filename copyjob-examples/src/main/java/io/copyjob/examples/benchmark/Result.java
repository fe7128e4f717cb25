package io.copyjob.examples.benchmark;

/**
 * One row of the results table: a variant's median round.
 *
 * @param seconds   median seconds of the measured rounds; NaN for a variant that did not run
 * @param rows      rows moved per round
 * @param peakAfterGcBytes the most heap in use right after a collection, over the measured rounds (0: no
 *                  collection happened during them)
 * @param ratio     against the scenario's baseline, as its {@link Target} forms it; NaN for the baseline
 * @param load      the 1-minute load average over the scenario's rounds, "min–max"
 */
record Result(Scenario scenario, Scenario.Spec variant, double seconds, long rows, long peakHeapBytes,
    long peakAfterGcBytes, long peakRssBytes, double ratio, String load) {

  static Result notRun(Scenario scenario, Scenario.Spec variant) {
    return new Result(scenario, variant, Double.NaN, 0, 0, 0, 0, Double.NaN, "");
  }

  boolean ran() {
    return !Double.isNaN(seconds);
  }

  boolean isBaseline() {
    return variant.target() == null;
  }

  /** Whether the target is met; true for a baseline. */
  boolean met() {
    return isBaseline() || ran() && variant.target().met(ratio);
  }
}
