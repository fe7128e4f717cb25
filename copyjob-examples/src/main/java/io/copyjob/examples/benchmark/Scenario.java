package io.copyjob.examples.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * A benchmark scenario: variants timed alternately, round by round, each in its own JVM; the first variant is
 * the baseline the others are compared with (unless the scenario runs {@link Runs#ONCE}).
 *
 * @param id       the name used on the command line ({@code -Dbenchmark.scenarios=pg-pg,csv-pg})
 * @param title    the table's scenario column
 * @param variants the baseline first
 * @param runs     how often each variant runs
 * @param heap     the worker JVMs' -Xmx; empty for the suite's
 * @param setUp    run by the orchestrator before the workers start (data only this scenario needs)
 * @param tearDown run by the orchestrator after the workers ended
 */
record Scenario(String id, String title, List<Spec> variants, Runs runs, Optional<String> heap, Step setUp,
    Step tearDown) {

  enum Runs {
    /** A warm-up round, then the suite's rounds; medians. */
    ALTERNATE_ROUNDS,
    /** One measured run, no warm-up (a run too long to repeat). */
    ONCE
  }

  static Scenario rounds(String id, String title, List<Spec> variants) {
    return new Scenario(id, title, variants, Runs.ALTERNATE_ROUNDS, Optional.empty(), ctx -> { }, ctx -> { });
  }

  Spec variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("scenario " + id + " has no variant " + name));
  }

  /**
   * A variant as the suite knows it.
   *
   * @param name    the table's variant column, and the worker's argument
   * @param target  against the baseline; null for the baseline itself
   * @param opener  makes the variant in the worker JVM; null while the variant cannot run yet
   * @param pending why it cannot run yet, printed in its row; null when it runs
   */
  record Spec(String name, Target target, Variant.Opener opener, String pending) {
    static Spec baseline(String name, Variant.Opener opener) {
      return new Spec(name, null, opener, null);
    }

    static Spec measured(String name, Target target, Variant.Opener opener) {
      return new Spec(name, target, opener, null);
    }

    static Spec pending(String name, Target target, String reason) {
      return new Spec(name, target, null, reason);
    }
  }

  /** Orchestrator-side preparation or cleanup. */
  @FunctionalInterface
  interface Step {
    void run(BenchContext ctx) throws Exception;
  }
}
