package io.copyjob.core.schedule;

import io.copyjob.RunResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on a {@link Scheduler}: its own thread waits for each fire time and runs the job on it, so two runs of the
 * job never overlap. The getters are safe to call from any thread.
 */
public final class ScheduledJob {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);
  private static final int MAX_COUNTED_TICKS = 10_000;

  private final String name;
  private final Supplier<RunResult> task;
  private final Schedule schedule;
  private final Scheduler scheduler;
  private final Thread thread;

  // Guarded by this.
  private boolean stopping;
  private boolean sleeping;
  private boolean running;
  private Instant nextFire;
  private long runs;
  private long skippedTicks;
  private RunResult lastResult;

  ScheduledJob(String name, Supplier<RunResult> task, Schedule schedule, Scheduler scheduler) {
    this.name = name;
    this.task = task;
    this.schedule = schedule;
    this.scheduler = scheduler;
    this.thread = scheduler.threadFactory().newThread(this::loop);
    this.thread.setName("copyjob-schedule-" + name);
  }

  public String name() { return name; }

  public Schedule schedule() { return schedule; }

  /** Runs started so far (whatever their outcome). */
  public synchronized long runs() { return runs; }

  /** Fire times on which the job did not run, for any {@link SkipReason}. */
  public synchronized long skippedTicks() { return skippedTicks; }

  /** The result of the last run that returned one. */
  public synchronized Optional<RunResult> lastResult() { return Optional.ofNullable(lastResult); }

  /** The fire time the job waits for; empty while it runs, after its last fire time and once stopped. */
  public synchronized Optional<Instant> nextFireTime() { return Optional.ofNullable(sleeping ? nextFire : null); }

  /** Whether a run is going on now. */
  public synchronized boolean isRunning() { return running; }

  /** Whether the job's thread has ended (after its last fire time, or after shutdown). */
  public boolean isDone() { return !thread.isAlive(); }

  void start() {
    thread.start();
  }

  /** Stops after the current run, if any; wakes the thread if it waits. */
  synchronized void stop(boolean interruptRun) {
    stopping = true;
    if (sleeping || (interruptRun && running)) {
      thread.interrupt();
    }
  }

  boolean join(long millis) throws InterruptedException {
    thread.join(Math.max(1, millis));
    return !thread.isAlive();
  }

  private void loop() {
    // due: the next fire time not yet handled; queued: the tick of a run queued by OverlapPolicy.QUEUE.
    Instant due = schedule.firstFire(scheduler.clock().instant()).orElse(null);
    Instant queued = null;
    try {
      while (true) {
        Instant tick;
        if (queued != null) {
          tick = queued;
          queued = null;
        } else {
          if (due == null || !waitFor(due)) {
            return;
          }
          tick = due;
          Instant now = scheduler.clock().instant();
          if (Duration.between(tick, now).compareTo(scheduler.misfireThreshold()) > 0) {
            long missed = countTicks(tick, now) + 1;
            due = schedule.nextFire(tick, now).orElse(null);
            if (scheduler.misfirePolicy() == MisfirePolicy.SKIP) {
              LOG.warn("job {}: {} fire time(s) from {} missed (woke at {}); skipping them", name, missed, tick, now);
              skipped(tick, SkipReason.MISFIRE, missed);
              continue;
            }
            LOG.warn("job {}: {} fire time(s) from {} missed (woke at {}); running once for them", name, missed,
                tick, now);
            skipped(tick, SkipReason.MISFIRE, missed - 1);
          } else {
            due = schedule.nextFire(tick, tick).orElse(null);
          }
        }
        runOnce(tick);
        Instant end = scheduler.clock().instant();
        if (due != null && !due.isAfter(end)) {
          queued = overlapped(due, end);
          due = schedule.nextFire(due, end).orElse(null);
        }
        synchronized (this) {
          if (stopping) {
            return;
          }
        }
      }
    } finally {
      synchronized (this) {
        stopping = true;
        sleeping = false;
      }
      scheduler.jobEnded(this);
    }
  }

  /** Handles the fire times in [first, end] that came during a run: returns the tick of a queued run, or null. */
  private Instant overlapped(Instant first, Instant end) {
    long count = countTicks(first, end) + 1;
    if (scheduler.overlapPolicy() == OverlapPolicy.SKIP) {
      LOG.info("job {}: {} fire time(s) from {} came while it ran; skipped", name, count, first);
      skipped(first, SkipReason.OVERLAP, count);
      return null;
    }
    LOG.info("job {}: {} fire time(s) from {} came while it ran; running once more now", name, count, first);
    skipped(first, SkipReason.COALESCED, count - 1);
    return first;
  }

  /** Fire times strictly after {@code from} and at or before {@code to}, counted up to a cap. */
  private long countTicks(Instant from, Instant to) {
    long n = 0;
    Optional<Instant> t = schedule.nextFire(from, from);
    while (t.isPresent() && !t.get().isAfter(to) && n < MAX_COUNTED_TICKS) {
      n++;
      t = schedule.nextFire(t.get(), t.get());
    }
    return n;
  }

  /** Waits until {@code due}; false when the job is stopping. */
  private boolean waitFor(Instant due) {
    while (true) {
      synchronized (this) {
        sleeping = false;
        Thread.interrupted(); // a wake-up meant for the sleep
        if (stopping) {
          return false;
        }
        if (!scheduler.clock().instant().isBefore(due)) {
          return true;
        }
        nextFire = due;
        sleeping = true;
      }
      try {
        scheduler.sleeper().sleepUntil(due);
      } catch (InterruptedException e) {
        // re-checked above
      }
    }
  }

  private void runOnce(Instant tick) {
    JobLock.Lease lease = null;
    try {
      Optional<JobLock.Lease> held = scheduler.jobLock().tryAcquire(name);
      if (held.isEmpty()) {
        LOG.info("job {}: skipping the run of {}: it is running in another instance (lock held)", name, tick);
        skipped(tick, SkipReason.LOCKED, 1);
        return;
      }
      lease = held.get();
      if (!lease.claim(tick)) {
        lease.close();
        LOG.info("job {}: skipping the run of {}: another instance already ran it", name, tick);
        skipped(tick, SkipReason.ALREADY_RAN, 1);
        return;
      }
    } catch (RuntimeException e) {
      if (lease != null) {
        lease.close();
      }
      LOG.error("job {}: skipping the run of {}: cannot take its lock: {}", name, tick, e.getMessage());
      skipped(tick, SkipReason.LOCK_FAILED, 1);
      return;
    }
    final JobLock.Lease acquired = lease;
    try (acquired) {
      synchronized (this) {
        if (stopping) {
          return;
        }
        running = true;
        runs++;
      }
      notifyListener(l -> l.runStarted(name, tick));
      try {
        RunResult result = task.get();
        synchronized (this) {
          lastResult = result;
        }
        LOG.info("job {}: run for {} ended {}", name, tick, result == null ? "" : result.status());
        notifyListener(l -> l.runFinished(name, tick, result));
      } catch (RuntimeException e) {
        LOG.error("job {}: run for {} failed: {}", name, tick, e.toString());
        notifyListener(l -> l.runFailed(name, tick, e));
      }
    } finally {
      synchronized (this) {
        running = false;
      }
    }
  }

  private void skipped(Instant tick, SkipReason reason, long count) {
    if (count <= 0) {
      return;
    }
    synchronized (this) {
      skippedTicks += count;
    }
    notifyListener(l -> l.tickSkipped(name, tick, reason));
  }

  private void notifyListener(java.util.function.Consumer<ScheduleListener> call) {
    try {
      call.accept(scheduler.listener());
    } catch (RuntimeException e) {
      LOG.warn("job {}: a schedule listener failed: {}", name, e.toString());
    }
  }

  @Override
  public String toString() {
    return "ScheduledJob{" + name + ", " + schedule + "}";
  }
}
