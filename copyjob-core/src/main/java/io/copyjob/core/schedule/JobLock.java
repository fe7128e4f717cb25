package io.copyjob.core.schedule;

import java.util.Optional;
import javax.sql.DataSource;

/**
 * A lock per job name shared by every application instance that schedules the job, so that instances sharing one
 * database never run the same job at the same time. The {@link Scheduler} asks for it before each run without
 * waiting and skips the tick ({@link SkipReason#LOCKED}) when another instance holds it. Implementations must be
 * safe for use by several threads.
 */
public interface JobLock {

  /**
   * Takes the lock of {@code job} if it is free, without waiting.
   *
   * @return the held lock, to be closed when the run ends; empty when another holder has it
   * @throws io.copyjob.CopyJobException {@link io.copyjob.ErrorCode#STORE_ERROR} when the lock cannot be asked for
   */
  Optional<Lease> tryAcquire(String job);

  /** A held lock. Closing it releases the lock (and whatever connection held it); closing twice does nothing. */
  interface Lease extends AutoCloseable {
    /**
     * Called by the scheduler right after the lock is taken: records that fire time {@code tick} of the job runs
     * now, and returns false when this fire time or a later one already ran (in any instance), so that the
     * scheduler skips it ({@link SkipReason#ALREADY_RAN}). Without it, a job quicker than the gap between two
     * instances' wake-ups could run the same fire time in both, one after the other. Fire times agree across
     * instances for cron schedules and anchored intervals ({@link Schedule#every(java.time.Duration,
     * java.time.Instant)}). The default claims every tick.
     */
    default boolean claim(java.time.Instant tick) {
      return true;
    }

    @Override
    void close();
  }

  /** No lock across processes: only the scheduler's own rule (one run of a job at a time) applies. */
  static JobLock none() {
    return job -> Optional.of(() -> { });
  }

  /**
   * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock}) on a connection from
   * {@code dataSource} held for the run; see {@link PostgresJobLock}.
   */
  static JobLock postgres(DataSource dataSource) {
    return new PostgresJobLock(dataSource);
  }

  /**
   * A SQL Server session-owned application lock ({@code sp_getapplock}) on a connection from {@code dataSource}
   * held for the run, and the last fire time run per job in table {@code copyjob_schedule_tick}; see
   * {@link SqlServerJobLock}.
   */
  static JobLock sqlServer(DataSource dataSource) {
    return new SqlServerJobLock(dataSource);
  }
}
