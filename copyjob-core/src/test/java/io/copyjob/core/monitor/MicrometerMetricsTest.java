package io.copyjob.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerMetricsTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  private double counter(String name, String job, String table, String status) {
    Counter c = registry.find(name).tags("job", job, "table", table, "status", status).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void countersEqualTheRowsOfRealRunsAndTimersCountRunsAndTables() {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 2_500).table(MonitorFixture.RETURNS, 40);
    CopyJob job = f.job("metrics").table("sales.*").parallelism(2).batchRows(100)
        .listener(new MicrometerMetrics(registry)).build();
    RunResult first = job.run().throwIfFailed();
    f.add(MonitorFixture.ORDERS, 2_501, 500);
    RunResult second = job.run().throwIfFailed();

    long orders = first.table("sales.orders").orElseThrow().rowsWritten()
        + second.table("sales.orders").orElseThrow().rowsWritten();
    assertThat(orders).isEqualTo(2_500 + 3_000);
    assertThat(counter(MicrometerMetrics.ROWS_READ, "metrics", "sales.orders", "SUCCEEDED")).isEqualTo(orders);
    assertThat(counter(MicrometerMetrics.ROWS_WRITTEN, "metrics", "sales.orders", "SUCCEEDED")).isEqualTo(orders);
    assertThat(counter(MicrometerMetrics.ROWS_WRITTEN, "metrics", "sales.returns", "SUCCEEDED")).isEqualTo(80);
    assertThat(counter(MicrometerMetrics.ROWS_REJECTED, "metrics", "sales.orders", "SUCCEEDED")).isZero();
    assertThat(registry.find(MicrometerMetrics.ROWS_WRITTEN).counters().stream().mapToDouble(Counter::count).sum())
        .isEqualTo(first.rowsWritten() + second.rowsWritten());

    Timer runs = registry.find(MicrometerMetrics.RUN_DURATION).tags("job", "metrics", "status", "SUCCEEDED").timer();
    assertThat(runs.count()).isEqualTo(2);
    assertThat(runs.totalTime(TimeUnit.NANOSECONDS))
        .isEqualTo((double) first.duration().toNanos() + second.duration().toNanos());
    Timer tables = registry.find(MicrometerMetrics.TABLE_DURATION)
        .tags("job", "metrics", "table", "sales.returns", "status", "SUCCEEDED").timer();
    assertThat(tables.count()).isEqualTo(2);
  }

  @Test
  void failedTablesAreTaggedFailedAndTheRunStatusTagsTheRunTimer() {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 300);
    RunResult run = f.job("failing", "failOnCommit", "true").table("sales.orders")
        .listener(new MicrometerMetrics(registry)).build().run();

    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(counter(MicrometerMetrics.ROWS_READ, "failing", "sales.orders", "FAILED")).isEqualTo(300);
    assertThat(counter(MicrometerMetrics.ROWS_WRITTEN, "failing", "sales.orders", "FAILED")).isZero();
    assertThat(counter(MicrometerMetrics.ROWS_READ, "failing", "sales.orders", "SUCCEEDED")).isZero();
    assertThat(registry.find(MicrometerMetrics.RUN_DURATION).tags("job", "failing", "status", "FAILED").timer()
        .count()).isEqualTo(1);
  }

  @Test
  void theOtherMonitorClassesLoadWithoutMicrometer() throws Exception {
    // A class loader with copyjob-api, copyjob-core and slf4j, and no Micrometer: what a user who never added it has.
    URL[] urls = {location(io.copyjob.CopyJob.class), location(RunReport.class),
        location(org.slf4j.LoggerFactory.class)};
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      for (String name : new String[] {"io.copyjob.core.monitor.RunReport", "io.copyjob.core.monitor.ConsoleProgress"}) {
        Class<?> c = Class.forName(name, true, loader);
        for (Method m : c.getDeclaredMethods()) {
          assertThat(m.getName()).isNotNull();
        }
      }
      Class<?> binding = Class.forName("io.copyjob.core.monitor.MicrometerMetrics", false, loader);
      assertThatThrownBy(binding::getDeclaredConstructors).isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("io/micrometer");
    }
  }

  private static URL location(Class<?> c) {
    return c.getProtectionDomain().getCodeSource().getLocation();
  }
}
