package io.copyjob.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyListener;
import io.copyjob.RunResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The engine's progress events, seen by a listener on real memory-connector runs. */
class ProgressEventsTest {

  @Test
  void longTableReportsIncreasingCountersWhileItRunsAndFinalOnesAtTheEnd() {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 20_000);
    List<CopyListener.Progress> events = new CopyOnWriteArrayList<>();
    // A listener that is slow on its first events makes the table last over several 500 ms progress intervals.
    CopyListener slow = new CopyListener() {
      @Override
      public void onProgress(Progress event) {
        events.add(event);
        if (events.size() <= 2) {
          sleep(600);
        }
      }
    };
    RunResult run = f.job("progress").table("sales.orders").parallelism(1).batchRows(100).listener(slow).build()
        .run().throwIfFailed();

    assertThat(events.size()).isGreaterThanOrEqualTo(3);
    assertThat(events).allSatisfy(e -> {
      assertThat(e.jobName()).isEqualTo("progress");
      assertThat(e.runId()).isEqualTo(run.runId());
      assertThat(e.sourceTable()).isEqualTo("sales.orders");
    });
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).rowsRead()).isGreaterThan(events.get(i - 1).rowsRead());
      assertThat(events.get(i).rowsWritten()).isGreaterThanOrEqualTo(events.get(i - 1).rowsWritten());
      assertThat(events.get(i).elapsed()).isGreaterThan(events.get(i - 1).elapsed());
    }
    // The first event comes with the first batch, already counted.
    assertThat(events.get(0).rowsRead()).isEqualTo(100);
    assertThat(events.get(1).rowsRead()).isLessThan(20_000);
    assertThat(events.get(1).rowsPerSecond()).isPositive();
    CopyListener.Progress last = events.get(events.size() - 1);
    assertThat(last.rowsRead()).isEqualTo(20_000);
    assertThat(last.rowsWritten()).isEqualTo(20_000);
    assertThat(last.elapsed().toMillis()).isGreaterThanOrEqualTo(1200);
  }

  @Test
  void shortTableStillEndsWithOneEventOfItsFinalCounters() {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 1_000).table(MonitorFixture.RETURNS, 10);
    List<CopyListener.Progress> events = new CopyOnWriteArrayList<>();
    f.job("short").table("sales.*").parallelism(2).listener(new CopyListener() {
      @Override
      public void onProgress(Progress event) {
        events.add(event);
      }
    }).build().run().throwIfFailed();

    assertThat(events).filteredOn(e -> e.sourceTable().equals("sales.orders")).last()
        .satisfies(e -> assertThat(e.rowsRead()).isEqualTo(1_000))
        .satisfies(e -> assertThat(e.rowsWritten()).isEqualTo(1_000));
    assertThat(events).filteredOn(e -> e.sourceTable().equals("sales.returns")).last()
        .satisfies(e -> assertThat(e.rowsRead()).isEqualTo(10));
    // No two events of a table carry the same counters: the final one is left out when the last had them.
    assertThat(events).extracting(e -> e.sourceTable() + " " + e.rowsRead() + " " + e.rowsWritten())
        .doesNotHaveDuplicates();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
