package io.copyjob.storage.files.format;

import io.copyjob.data.RecordBatch;

/** Decides when a reader closes a batch: at the row limit, or early when the batch holds too many bytes. */
public final class BatchSizer {
  private static final int BYTE_CHECK_INTERVAL = 256;

  private final int maxRows;
  private final long maxBytes;

  /** Batches of at most {@code maxRows} rows and about {@link RecordBatch#DEFAULT_MAX_BYTES} bytes. */
  public BatchSizer(int maxRows) {
    this(maxRows, RecordBatch.DEFAULT_MAX_BYTES);
  }

  /** Batches of at most {@code maxRows} rows and about {@code maxBytes} bytes. */
  public BatchSizer(int maxRows, long maxBytes) {
    this.maxRows = Math.max(1, maxRows);
    this.maxBytes = maxBytes;
  }

  /** Rows to allocate per batch. */
  public int maxRows() {
    return maxRows;
  }

  /** Whether a batch that now holds {@code rows} rows is complete. Sums bytes only every few hundred rows. */
  public boolean isFull(RecordBatch batch, int rows) {
    if (rows >= maxRows) {
      return true;
    }
    if (rows % BYTE_CHECK_INTERVAL != 0) {
      return false;
    }
    batch.setRowCount(rows);
    return batch.estimatedBytes() >= maxBytes;
  }
}
