package io.copyjob.storage.files.format;

import io.copyjob.data.RecordBatch;

/** Writes rows into one file. Used by one thread. */
public interface FormatWriter extends AutoCloseable {

  /** Writes rows {@code from} (inclusive) to {@code to} (exclusive) of {@code batch}. */
  void write(RecordBatch batch, int from, int to);

  /** Rows written so far. */
  long rows();

  /**
   * The file's size so far including what the writer still buffers (a Parquet row group in memory), for rolling
   * over to a new file; -1 when the pending file's byte count is the measure. Text writers flush their character
   * buffers here, so that count is current (less what a compressor still holds).
   */
  default long estimatedBytes() {
    return -1;
  }

  /**
   * Completes the file (footer, final flush) and closes its stream. The file is still pending: its
   * {@link io.copyjob.storage.files.store.PendingFile} publishes it.
   */
  @Override
  void close();
}
