package io.copyjob.examples.benchmark;

/**
 * One timed side of a scenario (the baseline or a copyjob configuration). It lives in its own JVM for the whole
 * scenario, so the JIT warms up over the rounds and the process's heap and RSS peaks are its own.
 */
interface Variant {
  /** Untimed, before each round: resets the destination, applies the round's change. */
  default void prepare(int round) throws Exception {
  }

  /** The timed copy. Returns the rows it moved. */
  long run() throws Exception;

  /** Untimed, once after the last round: throws when the last copy is incomplete or differs from the source. */
  default void verify() throws Exception {
  }

  /** How a forked JVM makes the variant. */
  @FunctionalInterface
  interface Opener {
    Variant open(BenchContext ctx) throws Exception;
  }
}
