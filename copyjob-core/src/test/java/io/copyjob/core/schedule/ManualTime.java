package io.copyjob.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock moved by hand and a sleeper that wakes when it is moved past the deadline: scheduler tests control time
 * and never wait for it. {@link #awaitSleeper(Instant)} waits (in real time, bounded) until a scheduler thread
 * sleeps until a given fire time, which is how a test knows that everything before it has happened.
 */
final class ManualTime extends Clock implements Sleeper {
  private static final long TIMEOUT_MS = 10_000;
  private Instant now;
  private final List<Instant> sleeping = new ArrayList<>();

  ManualTime(Instant start) {
    this.now = start;
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public synchronized void sleepUntil(Instant deadline) throws InterruptedException {
    sleeping.add(deadline);
    notifyAll();
    try {
      while (now.isBefore(deadline)) {
        wait();
      }
    } finally {
      sleeping.remove(deadline);
      notifyAll();
    }
  }

  synchronized void advanceTo(Instant t) {
    if (t.isAfter(now)) {
      now = t;
    }
    notifyAll();
  }

  synchronized void advance(Duration d) {
    advanceTo(now.plus(d));
  }

  /** Waits until {@code count} threads sleep until {@code deadline}. */
  synchronized void awaitSleepers(Instant deadline, int count) throws InterruptedException {
    long end = System.currentTimeMillis() + TIMEOUT_MS;
    while (sleeping.stream().filter(deadline::equals).count() < count) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("no scheduler sleeps until " + deadline + " at " + now + "; sleeping: " + sleeping);
      }
      wait(left);
    }
  }

  void awaitSleeper(Instant deadline) throws InterruptedException {
    awaitSleepers(deadline, 1);
  }
}
