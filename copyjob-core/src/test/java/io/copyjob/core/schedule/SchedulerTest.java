package io.copyjob.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler on a hand-moved clock: no test sleeps for a fire time. */
class SchedulerTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration MINUTE = Duration.ofMinutes(1);

  final ManualTime time = new ManualTime(T0);
  final List<Instant> ticks = new CopyOnWriteArrayList<>();
  final List<String> skips = new CopyOnWriteArrayList<>();
  Scheduler scheduler;

  Scheduler.Builder builder() {
    return Scheduler.builder().clock(time).sleeper(time).listener(new ScheduleListener() {
      @Override
      public void tickSkipped(String job, Instant tick, SkipReason reason) {
        skips.add(reason + "@" + tick);
      }
    });
  }

  /** A task that records its tick (the clock at start) and takes {@code runTime} of the hand-moved clock. */
  Supplier<RunResult> task(Duration runTime) {
    return () -> {
      Instant start = time.instant();
      ticks.add(start);
      time.advance(runTime);
      return RunResult.of("j", "r" + ticks.size(), start, time.instant(), List.of(), null);
    };
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (scheduler != null) {
      scheduler.shutdownNow();
      assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void intervalRunsAtEachFireTime() throws Exception {
    scheduler = builder().build();
    ScheduledJob job = scheduler.schedule("j", task(Duration.ZERO), Schedule.every(Duration.ofMinutes(10)));
    for (int i = 1; i <= 3; i++) {
      Instant next = T0.plus(Duration.ofMinutes(10L * i));
      time.awaitSleeper(next);
      assertThat(job.nextFireTime()).contains(next);
      time.advanceTo(next);
    }
    time.awaitSleeper(T0.plus(Duration.ofMinutes(40)));
    assertThat(ticks).containsExactly(T0, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(20)),
        T0.plus(Duration.ofMinutes(30)));
    assertThat(job.runs()).isEqualTo(4);
    assertThat(job.skippedTicks()).isZero();
    assertThat(job.lastResult()).isPresent();
  }

  @Test
  void onceRunsOnceAndEnds() throws Exception {
    scheduler = builder().build();
    ScheduledJob job = scheduler.schedule("j", task(Duration.ZERO), Schedule.once());
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(job.isDone()).isTrue();
    assertThat(ticks).containsExactly(T0);
  }

  /** {@code 0 30 2 * * ?} in Berlin through both 2026 changes, as the scheduler fires it. */
  @Test
  void cronFiresAtTheExactInstantsAcrossDaylightSavingChanges() throws Exception {
    time.advanceTo(Instant.parse("2026-03-27T12:00:00Z"));
    scheduler = builder().build();
    scheduler.schedule("j", task(Duration.ofMinutes(5)), Schedule.cron("0 30 2 * * ?", ZoneId.of("Europe/Berlin")));
    List<Instant> march = ScheduleTest.instants("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z",
        "2026-03-30T00:30:00Z");
    for (Instant t : march) {
      time.awaitSleeper(t);
      time.advanceTo(t);
    }
    time.awaitSleeper(Instant.parse("2026-03-31T00:30:00Z"));
    scheduler.shutdown();
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();

    time.advanceTo(Instant.parse("2026-10-24T12:00:00Z"));
    scheduler = builder().build();
    scheduler.schedule("j", task(Duration.ofMinutes(5)), Schedule.cron("0 30 2 * * ?", ZoneId.of("Europe/Berlin")));
    List<Instant> october = ScheduleTest.instants("2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
    for (Instant t : october) {
      time.awaitSleeper(t);
      time.advanceTo(t);
    }
    time.awaitSleeper(Instant.parse("2026-10-27T01:30:00Z"));
    assertThat(ticks).containsExactly(Instant.parse("2026-03-28T01:30:00Z"), Instant.parse("2026-03-29T01:30:00Z"),
        Instant.parse("2026-03-30T00:30:00Z"), Instant.parse("2026-10-25T00:30:00Z"),
        Instant.parse("2026-10-26T01:30:00Z"));
    assertThat(skips).isEmpty();
  }

  /** Runs of 25 minutes on a 10-minute schedule: SKIP drops the ticks that came during a run. */
  @Test
  void skipPolicyDropsTicksThatComeDuringARun() throws Exception {
    scheduler = builder().overlapPolicy(OverlapPolicy.SKIP).build();
    ScheduledJob job = scheduler.schedule("j", task(Duration.ofMinutes(25)), Schedule.every(Duration.ofMinutes(10)));
    // Run at 0 ends at 25 (ticks 10 and 20 skipped); next fire 30, run ends 55 (40 and 50 skipped); next 60.
    time.awaitSleeper(T0.plus(Duration.ofMinutes(30)));
    time.advanceTo(T0.plus(Duration.ofMinutes(30)));
    time.awaitSleeper(T0.plus(Duration.ofMinutes(60)));
    assertThat(ticks).containsExactly(T0, T0.plus(Duration.ofMinutes(30)));
    assertThat(job.skippedTicks()).isEqualTo(4);
    assertThat(skips).containsExactly("OVERLAP@" + T0.plus(Duration.ofMinutes(10)),
        "OVERLAP@" + T0.plus(Duration.ofMinutes(40)));
  }

  /** The same with QUEUE: one run right after the slow one, however many ticks came. */
  @Test
  void queuePolicyRunsOnceMoreAfterASlowRun() throws Exception {
    AtomicBoolean slow = new AtomicBoolean(true);
    scheduler = builder().overlapPolicy(OverlapPolicy.QUEUE).build();
    Supplier<RunResult> first = task(Duration.ofMinutes(25));
    Supplier<RunResult> quick = task(Duration.ofMinutes(1));
    ScheduledJob job = scheduler.schedule("j", () -> slow.getAndSet(false) ? first.get() : quick.get(),
        Schedule.every(Duration.ofMinutes(10)));
    // Run at 0 ends at 25 (ticks 10 and 20 came): one queued run at 25, ends 26; next fire 30.
    time.awaitSleeper(T0.plus(Duration.ofMinutes(30)));
    assertThat(ticks).containsExactly(T0, T0.plus(Duration.ofMinutes(25)));
    assertThat(job.runs()).isEqualTo(2);
    assertThat(job.skippedTicks()).isEqualTo(1);
    assertThat(skips).containsExactly("COALESCED@" + T0.plus(Duration.ofMinutes(10)));
    time.advanceTo(T0.plus(Duration.ofMinutes(30)));
    time.awaitSleeper(T0.plus(Duration.ofMinutes(40)));
    assertThat(ticks).hasSize(3).last().isEqualTo(T0.plus(Duration.ofMinutes(30)));
  }

  /** The process was paused for five fire times: RUN_ONCE runs once for all of them, SKIP runs none. */
  @Test
  void misfiredTicksRunOnceOrAreSkipped() throws Exception {
    scheduler = builder().build();
    ScheduledJob job = scheduler.schedule("j", task(Duration.ZERO), Schedule.every(Duration.ofMinutes(10)));
    time.awaitSleeper(T0.plus(Duration.ofMinutes(10)));
    time.advanceTo(T0.plus(Duration.ofMinutes(55)));
    time.awaitSleeper(T0.plus(Duration.ofMinutes(60)));
    assertThat(ticks).containsExactly(T0, T0.plus(Duration.ofMinutes(55)));
    assertThat(job.skippedTicks()).isEqualTo(4);
    assertThat(skips).containsExactly("MISFIRE@" + T0.plus(Duration.ofMinutes(10)));
    scheduler.shutdown();
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();

    ticks.clear();
    skips.clear();
    scheduler = builder().misfirePolicy(MisfirePolicy.SKIP).build();
    Instant start = time.instant();
    job = scheduler.schedule("j", task(Duration.ZERO), Schedule.every(Duration.ofMinutes(10)));
    time.awaitSleeper(start.plus(Duration.ofMinutes(10)));
    time.advanceTo(start.plus(Duration.ofMinutes(55)));
    time.awaitSleeper(start.plus(Duration.ofMinutes(60)));
    assertThat(ticks).containsExactly(start);
    assertThat(job.skippedTicks()).isEqualTo(5);
    // A wake-up within the threshold is not a misfire.
    time.advanceTo(start.plus(Duration.ofMinutes(60)).plusSeconds(30));
    time.awaitSleeper(start.plus(Duration.ofMinutes(70)));
    assertThat(ticks).containsExactly(start, start.plus(Duration.ofMinutes(60)).plusSeconds(30));
  }

  /** Another instance holds the lock: the tick is skipped and reported, the next one runs. */
  @Test
  void aTickWhoseLockIsHeldElsewhereIsSkipped() throws Exception {
    AtomicBoolean held = new AtomicBoolean(true);
    JobLock lock = job -> held.getAndSet(false) ? java.util.Optional.empty() : JobLock.none().tryAcquire(job);
    scheduler = builder().jobLock(lock).build();
    ScheduledJob job = scheduler.schedule("j", task(Duration.ZERO), Schedule.every(MINUTE));
    time.awaitSleeper(T0.plus(MINUTE));
    assertThat(ticks).isEmpty();
    assertThat(skips).containsExactly("LOCKED@" + T0);
    time.advanceTo(T0.plus(MINUTE));
    time.awaitSleeper(T0.plus(MINUTE.multipliedBy(2)));
    assertThat(ticks).containsExactly(T0.plus(MINUTE));
    assertThat(job.skippedTicks()).isEqualTo(1);
  }

  @Test
  void shutdownLetsTheRunningJobFinishAndStartsNoOther() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    scheduler = builder().build();
    ScheduledJob job = scheduler.schedule("j", () -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted.set(true);
      }
      return RunResult.of("j", "r", T0, T0, List.of(), null);
    }, Schedule.every(MINUTE));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.shutdown();
    assertThat(scheduler.awaitTermination(Duration.ofMillis(200))).isFalse();
    assertThat(job.isRunning()).isTrue();
    release.countDown();
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();
    assertThat(interrupted).isFalse();
    assertThat(job.runs()).isEqualTo(1);
    assertThat(job.lastResult()).isPresent();
  }

  /**
   * shutdownNow interrupts the run: a real copy job run on the interrupted thread ends CANCELLED and leaves its
   * destination empty.
   */
  @Test
  void shutdownNowCancelsTheRunningJob() throws Exception {
    DatasetId orders = DatasetId.of("sales", "orders");
    String src = MemoryStore.fresh("src");
    String dst = MemoryStore.fresh("dst");
    MemoryStore.named(src).createTable(orders, Schema.of(Field.required("id", LogicalType.int64())), List.of("id"));
    for (long i = 1; i <= 100; i++) {
      MemoryStore.named(src).insert(orders, i);
    }
    CopyJob copy = CopyJob.builder().name("cancel-me").source(MemoryConnectorProvider.spec(src))
        .destination(MemoryConnectorProvider.spec(dst)).table("sales.orders").build();
    CountDownLatch started = new CountDownLatch(1);
    scheduler = builder().build();
    ScheduledJob job = scheduler.schedule("cancel-me", () -> {
      started.countDown();
      try {
        new CountDownLatch(1).await(); // a long run, until interrupted
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return copy.run();
    }, Schedule.every(MINUTE));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.shutdownNow();
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();
    RunResult result = job.lastResult().orElseThrow();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.tables()).extracting(TableResult::errorCode)
        .allSatisfy(c -> assertThat(c).contains(ErrorCode.CANCELLED));
    assertThat(MemoryStore.named(dst).exists(orders) ? MemoryStore.named(dst).rows(orders) : List.of()).isEmpty();
    assertThat(job.runs()).isEqualTo(1);
  }

  @Test
  void aJobNameIsScheduledOnce() {
    scheduler = builder().build();
    scheduler.schedule("j", task(Duration.ZERO), Schedule.every(MINUTE));
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> scheduler.schedule("j", task(Duration.ZERO), Schedule.every(MINUTE)))
        .isInstanceOf(io.copyjob.CopyJobException.class);
  }

  /** The default clock and sleeper, in real time: a 50 ms interval runs several times in a second. */
  @Test
  void realTimeDefaultsRun() throws Exception {
    CountDownLatch three = new CountDownLatch(3);
    scheduler = Scheduler.builder().build();
    scheduler.schedule("real", () -> {
      three.countDown();
      return RunResult.of("real", "r", T0, T0, List.of(), null);
    }, Schedule.every(Duration.ofMillis(50)));
    assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
    scheduler.shutdown();
    assertThat(scheduler.awaitTermination(Duration.ofSeconds(10))).isTrue();
  }
}
