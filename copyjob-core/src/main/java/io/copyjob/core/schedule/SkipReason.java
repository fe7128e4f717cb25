package io.copyjob.core.schedule;

/** Why the {@link Scheduler} did not run a job at one of its fire times. */
public enum SkipReason {
  /** The job was still running and the overlap policy is {@link OverlapPolicy#SKIP}. */
  OVERLAP,
  /** Several ticks came during one run and {@link OverlapPolicy#QUEUE} ran them as one. */
  COALESCED,
  /** The tick was missed (the process was paused) and handled by the {@link MisfirePolicy}. */
  MISFIRE,
  /** Another instance holds the job's {@link JobLock}: the job is running elsewhere. */
  LOCKED,
  /** This fire time (or a later one) already ran in another instance; see {@link JobLock.Lease#claim}. */
  ALREADY_RAN,
  /** The job's lock could not be asked for (the lock database failed); the job is not run without it. */
  LOCK_FAILED
}
