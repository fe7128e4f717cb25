package io.copyjob.core.schedule;

/**
 * What the {@link Scheduler} does when it wakes up later than a fire time by more than the misfire threshold
 * (the process was paused or suspended, the machine slept, the clock jumped). Ticks that come while the job runs
 * are governed by {@link OverlapPolicy} instead.
 */
public enum MisfirePolicy {
  /**
   * The default: run once now for all the missed ticks together (never once per missed tick), then go on with the
   * first fire time after now.
   */
  RUN_ONCE,
  /** Skip every missed tick and wait for the first fire time after now. */
  SKIP
}
