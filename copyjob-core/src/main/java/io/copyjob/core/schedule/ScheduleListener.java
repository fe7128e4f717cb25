package io.copyjob.core.schedule;

import io.copyjob.RunResult;
import java.time.Instant;

/**
 * Hears what a {@link Scheduler} does. Called on the job's scheduler thread; keep it quick and do not throw (an
 * exception is logged and ignored). Every method has an empty default.
 */
public interface ScheduleListener {

  /** A run is starting for the fire time {@code tick}. */
  default void runStarted(String job, Instant tick) {
  }

  /** A run ended with a result (which may report failed tables). */
  default void runFinished(String job, Instant tick, RunResult result) {
  }

  /** A run threw instead of returning a result. */
  default void runFailed(String job, Instant tick, RuntimeException error) {
  }

  /** The job did not run at {@code tick}. */
  default void tickSkipped(String job, Instant tick, SkipReason reason) {
  }
}
