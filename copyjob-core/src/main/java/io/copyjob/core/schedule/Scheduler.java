package io.copyjob.core.schedule;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Runs jobs once, at a fixed rate or on cron expressions, in this JVM.
 *
 * <pre>{@code
 * Scheduler scheduler = Scheduler.builder()
 *     .jobLock(JobLock.postgres(dataSource))          // instances sharing the database never run a job twice at once
 *     .build();
 * scheduler.schedule(job, Schedule.cron("0 30 2 * * ?", ZoneId.of("Europe/Berlin")));
 * ...
 * scheduler.shutdown();                                 // lets running jobs finish
 * scheduler.awaitTermination(Duration.ofMinutes(10));
 * }</pre>
 *
 * <p><b>Rules.</b> Each scheduled job has a thread of its own that waits for the job's fire times and runs the job on
 * itself, so a job never runs twice at once in one scheduler, and across instances the {@link JobLock} keeps it so
 * (a tick whose lock is held elsewhere is skipped and logged, {@link SkipReason#LOCKED}; a tick that another instance
 * already ran is skipped as {@link SkipReason#ALREADY_RAN}). Fire times that come while
 * the job runs follow the {@link OverlapPolicy} (default {@link OverlapPolicy#SKIP}); fire times missed by more than
 * the misfire threshold (default one minute) because the process was paused follow the {@link MisfirePolicy}
 * (default {@link MisfirePolicy#RUN_ONCE}: one run for all of them, never one per missed tick).
 *
 * <p><b>Time.</b> Fire times are read from the {@link Clock} and waited for with the {@link Sleeper}; both are
 * injectable so that tests move time by hand.
 *
 * <p><b>Stopping.</b> {@link #shutdown()} lets running jobs finish and starts no new run; {@link #shutdownNow()}
 * also interrupts running jobs: a {@link CopyJob} turns the interrupt into a {@code CANCELLED} failure of its
 * tables and leaves their destinations and watermarks as they were. Both return at once; wait with
 * {@link #awaitTermination(Duration)}. Thread-safe.
 */
public final class Scheduler {
  private final Clock clock;
  private final Sleeper sleeper;
  private final JobLock jobLock;
  private final OverlapPolicy overlapPolicy;
  private final MisfirePolicy misfirePolicy;
  private final Duration misfireThreshold;
  private final ScheduleListener listener;
  private final ThreadFactory threadFactory;
  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private boolean shutdown;

  private Scheduler(Builder b) {
    this.clock = b.clock;
    this.sleeper = b.sleeper == null ? Sleeper.system(b.clock) : b.sleeper;
    this.jobLock = b.jobLock;
    this.overlapPolicy = b.overlapPolicy;
    this.misfirePolicy = b.misfirePolicy;
    this.misfireThreshold = b.misfireThreshold;
    this.listener = b.listener;
    this.threadFactory = b.threadFactory;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Schedules {@code job} under its name, which must be unique in this scheduler. */
  public ScheduledJob schedule(CopyJob job, Schedule schedule) {
    return schedule(job.name(), job::run, schedule);
  }

  /**
   * Schedules any task that produces a run result (a job built per run, a job plus a notification, ...) under
   * {@code name}, which must be unique in this scheduler and names the {@link JobLock}.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_JOB} when the name is taken
   * @throws IllegalStateException after shutdown
   */
  public synchronized ScheduledJob schedule(String name, Supplier<RunResult> task, Schedule schedule) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(schedule, "schedule");
    if (shutdown) {
      throw new IllegalStateException("the scheduler is shut down");
    }
    ScheduledJob existing = jobs.get(name);
    if (existing != null && !existing.isDone()) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "a job of this name is already scheduled").job(name)
          .build();
    }
    ScheduledJob scheduled = new ScheduledJob(name, task, schedule, this);
    jobs.put(name, scheduled);
    scheduled.start();
    return scheduled;
  }

  /** The jobs scheduled so far, in the order scheduled. */
  public synchronized List<ScheduledJob> jobs() {
    return List.copyOf(jobs.values());
  }

  /** Starts no new run; running jobs finish. Returns at once. */
  public void shutdown() {
    stopAll(false);
  }

  /** Starts no new run and interrupts running jobs, which end as cancelled. Returns at once. */
  public void shutdownNow() {
    stopAll(true);
  }

  private void stopAll(boolean interrupt) {
    List<ScheduledJob> all;
    synchronized (this) {
      shutdown = true;
      all = new ArrayList<>(jobs.values());
    }
    for (ScheduledJob j : all) {
      j.stop(interrupt);
    }
  }

  public synchronized boolean isShutdown() {
    return shutdown;
  }

  /**
   * Waits, in real time, until every job's thread has ended after a shutdown (or after its last fire time).
   *
   * @return true when all ended within {@code timeout}
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ScheduledJob j : jobs()) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0 && !j.isDone()) {
        return false;
      }
      if (!j.join(left)) {
        return false;
      }
    }
    return true;
  }

  void jobEnded(ScheduledJob job) {
    // Kept in jobs() for its counters; its name may be scheduled again.
  }

  Clock clock() { return clock; }

  Sleeper sleeper() { return sleeper; }

  JobLock jobLock() { return jobLock; }

  OverlapPolicy overlapPolicy() { return overlapPolicy; }

  MisfirePolicy misfirePolicy() { return misfirePolicy; }

  Duration misfireThreshold() { return misfireThreshold; }

  ScheduleListener listener() { return listener; }

  ThreadFactory threadFactory() { return threadFactory; }

  /** Builds a {@link Scheduler}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private JobLock jobLock = JobLock.none();
    private OverlapPolicy overlapPolicy = OverlapPolicy.SKIP;
    private MisfirePolicy misfirePolicy = MisfirePolicy.RUN_ONCE;
    private Duration misfireThreshold = Duration.ofMinutes(1);
    private ScheduleListener listener = new ScheduleListener() { };
    private ThreadFactory threadFactory = r -> {
      Thread t = new Thread(r);
      t.setDaemon(false);
      return t;
    };

    private Builder() {
    }

    /** The clock fire times are read from; the system UTC clock by default. */
    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }

    /** How to wait for a fire time; by default real sleeping against the clock. */
    public Builder sleeper(Sleeper sleeper) { this.sleeper = Objects.requireNonNull(sleeper, "sleeper"); return this; }

    /** The lock shared with other instances; {@link JobLock#none()} by default. */
    public Builder jobLock(JobLock lock) { this.jobLock = Objects.requireNonNull(lock, "jobLock"); return this; }

    /** What to do with fire times that come while the job runs; {@link OverlapPolicy#SKIP} by default. */
    public Builder overlapPolicy(OverlapPolicy p) { this.overlapPolicy = Objects.requireNonNull(p); return this; }

    /** What to do with fire times missed while the process was paused; {@link MisfirePolicy#RUN_ONCE} by default. */
    public Builder misfirePolicy(MisfirePolicy p) { this.misfirePolicy = Objects.requireNonNull(p); return this; }

    /** How late a wake-up may be before its fire time counts as missed; one minute by default. */
    public Builder misfireThreshold(Duration d) {
      if (d.isNegative()) {
        throw CopyJobException.of(ErrorCode.INVALID_JOB, "misfireThreshold must not be negative: " + d);
      }
      this.misfireThreshold = d;
      return this;
    }

    /** Hears runs and skipped ticks. */
    public Builder listener(ScheduleListener l) { this.listener = Objects.requireNonNull(l, "listener"); return this; }

    /** Makes the threads of scheduled jobs (non-daemon by default). */
    public Builder threadFactory(ThreadFactory f) { this.threadFactory = Objects.requireNonNull(f); return this; }

    public Scheduler build() {
      return new Scheduler(this);
    }
  }
}
