package io.copyjob.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for the {@link Scheduler}'s next fire time. The scheduler asks the {@link Clock} for the time after every
 * wake-up, so a sleeper may return early (the scheduler simply waits again) but must throw
 * {@link InterruptedException} when its thread is interrupted: that is how {@code shutdown} wakes it. Tests pass a
 * sleeper driven by a hand-moved clock, so that no test waits for real time.
 */
@FunctionalInterface
public interface Sleeper {

  /** Blocks until {@code deadline} (as the scheduler's clock tells it) or until interrupted; may return early. */
  void sleepUntil(Instant deadline) throws InterruptedException;

  /** Sleeps in real time against {@code clock}, at most a minute at a time so that clock changes are noticed. */
  static Sleeper system(Clock clock) {
    return deadline -> {
      long millis = Duration.between(clock.instant(), deadline).toMillis();
      if (millis > 0) {
        Thread.sleep(Math.min(millis, 60_000));
      } else if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    };
  }
}
