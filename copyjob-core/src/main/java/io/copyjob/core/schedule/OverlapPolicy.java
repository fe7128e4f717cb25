package io.copyjob.core.schedule;

/**
 * What the {@link Scheduler} does with fire times of a job that come while that job is still running. Two runs of
 * one job never overlap, whichever policy is chosen.
 */
public enum OverlapPolicy {
  /** Drop every tick that came during the run; the job fires again at its next fire time after the run. */
  SKIP,
  /**
   * Queue one run: when ticks came during the run, the job runs once more right after it, however many ticks it
   * missed (they are coalesced into that one run), then goes back to its schedule.
   */
  QUEUE
}
