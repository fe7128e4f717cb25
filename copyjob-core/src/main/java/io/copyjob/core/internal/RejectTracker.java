package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RejectedRowsLog;
import io.copyjob.spi.RowRejects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the rejected rows of one table in one run against its {@link RejectPolicy} and writes them to the
 * policy's log. Rows rejected while reading never reach a batch, so they are counted apart: they belong to the
 * rows read but not to the batches the pipeline counted.
 */
final class RejectTracker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RejectTracker.class);

  private final String job;
  private final String table;
  private final RejectPolicy policy;
  private final RejectedRowsLog.Writer log;
  private long rejected;
  private long rejectedAtRead;
  private boolean closed;

  RejectTracker(String job, String runId, String table, RejectPolicy policy) {
    this.job = job;
    this.table = table;
    this.policy = policy;
    this.log = policy.log().map(l -> l.open(job, runId, table)).orElse(null);
  }

  /** For readers: rows rejected here were never in a batch. */
  RowRejects atRead() {
    return row -> reject(row, true);
  }

  /** For the engine's conversions and for sinks: rows rejected here were counted as read in a batch. */
  RowRejects afterRead() {
    return row -> reject(row, false);
  }

  synchronized long rejected() {
    return rejected;
  }

  synchronized long rejectedAtRead() {
    return rejectedAtRead;
  }

  /** Fails when the rows rejected are more than the policy's percentage of {@code rowsRead}; before the commit. */
  synchronized void checkShare(long rowsRead) {
    if (policy.maxPercent().isEmpty() || rejected == 0) {
      return;
    }
    double percent = policy.maxPercent().getAsDouble();
    if (rejected * 100.0 > percent * rowsRead) {
      throw CopyJobException.builder(ErrorCode.TOO_MANY_REJECTED_ROWS, rejected + " of " + rowsRead
          + " rows rejected, more than the " + percent + "% allowed; nothing was committed").job(job).table(table)
          .build();
    }
  }

  private synchronized void reject(RejectedRow row, boolean atRead) {
    rejected++;
    if (atRead) {
      rejectedAtRead++;
    }
    if (log != null) {
      log.write(row);
    }
    if (rejected > policy.maxRows()) {
      throw CopyJobException.builder(ErrorCode.TOO_MANY_REJECTED_ROWS, "more than " + policy.maxRows()
          + " rows rejected; the last: " + row.describe() + "; nothing was committed").job(job).table(table)
          .build();
    }
  }

  /** Closes the log before the commit: rows that could not be logged fail the table instead of vanishing. */
  synchronized void closeBeforeCommit() {
    closed = true;
    if (log != null) {
      log.close();
    }
  }

  /** Closes the log after a failure, keeping the table's own error first. */
  @Override
  public synchronized void close() {
    if (log == null || closed) {
      return;
    }
    closed = true;
    try {
      log.close();
    } catch (RuntimeException e) {
      // The table's own outcome matters more; the log's failure is reported, not thrown over it.
      LOG.warn("job {} table {}: the rejected rows log could not be closed: {}", job, table, e.getMessage());
    }
  }
}
