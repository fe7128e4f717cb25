package io.copyjob.testkit;

import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RejectedRowsLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link RejectedRowsLog} that keeps what the engine logs in memory, for tests to assert on. */
public final class RecordingRejectsLog implements RejectedRowsLog {
  /** Every row written, in order. */
  public final List<RejectedRow> rows = new CopyOnWriteArrayList<>();
  /** {@code job/table} of every writer opened. */
  public final List<String> opened = new CopyOnWriteArrayList<>();
  /** How many writers were closed. */
  public final AtomicInteger closed = new AtomicInteger();

  @Override
  public Writer open(String jobName, String runId, String table) {
    opened.add(jobName + "/" + table);
    return new Writer() {
      @Override
      public void write(RejectedRow row) {
        rows.add(row);
      }

      @Override
      public void close() {
        closed.incrementAndGet();
      }
    };
  }
}
