package io.copyjob.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.core.history.JdbcRunHistoryStore;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import io.copyjob.testkit.PostgresServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Scheduler instances sharing one embedded PostgreSQL database through its advisory locks. */
class ClusterSchedulerIT {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Duration EVERY = Duration.ofMinutes(10);

  static PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(PostgresServer.jdbcUrl(database));
    ds.setUser(PostgresServer.USER);
    return ds;
  }

  @Test
  void advisoryLockIsExclusiveAcrossSessionsAndReleasedOnClose() {
    PGSimpleDataSource ds = dataSource(PostgresServer.newDatabase("joblock"));
    JobLock a = JobLock.postgres(ds);
    JobLock b = JobLock.postgres(ds);
    JobLock.Lease lease = a.tryAcquire("orders").orElseThrow();
    assertThat(b.tryAcquire("orders")).isEmpty();
    assertThat(a.tryAcquire("orders")).as("a new session, so not re-entrant").isEmpty();
    try (JobLock.Lease other = b.tryAcquire("customers").orElseThrow()) {
      assertThat(other).isNotNull();
    }
    lease.close();
    b.tryAcquire("orders").orElseThrow().close();
  }

  /**
   * Two schedulers (think: two application instances), the same job, the same fire times on their clocks, one
   * database. Each run waits until the other instance has tried the tick and found the lock held, so that the
   * two always meet on the lock: every tick runs once, never two at once.
   */
  @Test
  void twoSchedulersRunEachTickOnce() throws Exception {
    String database = PostgresServer.newDatabase("cluster");
    PGSimpleDataSource ds = dataSource(database);
    JdbcRunHistoryStore history = new JdbcRunHistoryStore(ds);
    DatasetId orders = DatasetId.of("sales", "orders");
    String src = MemoryStore.fresh("src");
    String dst = MemoryStore.fresh("dst");
    MemoryStore.named(src).createTable(orders, Schema.of(Field.required("id", LogicalType.int64())), List.of("id"));
    for (long i = 1; i <= 50; i++) {
      MemoryStore.named(src).insert(orders, i);
    }
    CopyJob job = CopyJob.builder().name("cluster-job").source(MemoryConnectorProvider.spec(src))
        .destination(MemoryConnectorProvider.spec(dst)).table("sales.orders").runHistoryStore(history).build();

    AtomicReference<CountDownLatch> otherTried = new AtomicReference<>(new CountDownLatch(1));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger maxRunning = new AtomicInteger();
    AtomicInteger locked = new AtomicInteger();
    Supplier<RunResult> task = () -> {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        otherTried.get().await(10, TimeUnit.SECONDS);
        return job.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    };
    ScheduleListener listener = new ScheduleListener() {
      @Override
      public void tickSkipped(String name, Instant tick, SkipReason reason) {
        if (reason == SkipReason.LOCKED) {
          locked.incrementAndGet();
          otherTried.get().countDown();
        }
      }
    };
    List<ManualTime> clocks = List.of(new ManualTime(T0), new ManualTime(T0));
    List<Scheduler> schedulers = new ArrayList<>();
    List<ScheduledJob> scheduled = new ArrayList<>();
    try {
      for (ManualTime clock : clocks) {
        Scheduler s = Scheduler.builder().clock(clock).sleeper(clock).jobLock(JobLock.postgres(ds))
            .listener(listener).build();
        schedulers.add(s);
        scheduled.add(s.schedule(job.name(), task, Schedule.every(EVERY)));
      }
      int ticks = 5;
      for (int k = 1; k <= ticks; k++) {
        Instant next = T0.plus(EVERY.multipliedBy(k));
        for (ManualTime clock : clocks) {
          clock.awaitSleeper(next);
        }
        if (k < ticks) {
          otherTried.set(new CountDownLatch(1));
          clocks.forEach(c -> c.advanceTo(next));
        }
      }

      List<RunResult> runs = history.lastRuns("cluster-job", 100);
      assertThat(runs).hasSize(ticks);
      assertThat(scheduled.get(0).runs() + scheduled.get(1).runs()).isEqualTo(ticks);
      assertThat(locked).hasValue(ticks);
      assertThat(maxRunning).hasValue(1);
      List<RunResult> byStart = new ArrayList<>(runs);
      byStart.sort(Comparator.comparing(RunResult::startedAt));
      for (int i = 1; i < byStart.size(); i++) {
        assertThat(byStart.get(i).startedAt()).isAfterOrEqualTo(byStart.get(i - 1).finishedAt());
      }
      assertThat(runs).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    } finally {
      for (Scheduler s : schedulers) {
        s.shutdownNow();
      }
      for (Scheduler s : schedulers) {
        assertThat(s.awaitTermination(Duration.ofSeconds(10))).isTrue();
      }
    }
  }

  /**
   * The same without any coordination and with a job quicker than the instances' wake-ups: whichever instance comes
   * second either finds the lock held or finds the fire time already claimed, so each cron fire time still runs once.
   */
  @Test
  void aQuickJobStillRunsEachCronTickOnceAcrossInstances() throws Exception {
    PGSimpleDataSource ds = dataSource(PostgresServer.newDatabase("cluster_quick"));
    AtomicInteger runs = new AtomicInteger();
    List<String> skips = new java.util.concurrent.CopyOnWriteArrayList<>();
    Supplier<RunResult> task = () -> {
      runs.incrementAndGet();
      return RunResult.of("quick", "r", T0, T0, List.of(), null);
    };
    ScheduleListener listener = new ScheduleListener() {
      @Override
      public void tickSkipped(String name, Instant tick, SkipReason reason) {
        skips.add(reason.name());
      }
    };
    Schedule cron = Schedule.cron("0 */10 * * * ?", java.time.ZoneId.of("Europe/Berlin"));
    List<ManualTime> clocks = List.of(new ManualTime(T0.plusSeconds(1)), new ManualTime(T0.plusSeconds(1)));
    List<Scheduler> schedulers = new ArrayList<>();
    try {
      for (ManualTime clock : clocks) {
        Scheduler s = Scheduler.builder().clock(clock).sleeper(clock).jobLock(JobLock.postgres(ds))
            .listener(listener).build();
        schedulers.add(s);
        s.schedule("quick", task, cron);
      }
      int ticks = 6;
      for (int k = 1; k <= ticks; k++) {
        Instant tick = T0.plus(EVERY.multipliedBy(k));
        clocks.get(0).awaitSleeper(tick);
        clocks.get(1).awaitSleeper(tick);
        // The first instance wakes and finishes before the second one wakes.
        clocks.get(0).advanceTo(tick);
        clocks.get(0).awaitSleeper(tick.plus(EVERY));
        clocks.get(1).advanceTo(tick);
        clocks.get(1).awaitSleeper(tick.plus(EVERY));
      }
      assertThat(runs).hasValue(ticks);
      assertThat(skips).hasSize(ticks).containsOnly("ALREADY_RAN");
    } finally {
      for (Scheduler s : schedulers) {
        s.shutdownNow();
        assertThat(s.awaitTermination(Duration.ofSeconds(10))).isTrue();
      }
    }
  }
}
