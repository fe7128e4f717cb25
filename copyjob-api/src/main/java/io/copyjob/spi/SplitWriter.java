package io.copyjob.spi;

import io.copyjob.data.RecordBatch;

/** Writes batches into a destination, invisibly until the transaction commits. Used by one thread. */
public interface SplitWriter {

  /** Writes every row of {@code batch}; the batch is not used after the call returns. */
  void write(RecordBatch batch);

  /** Flushes and ends this writer; its rows become visible only when the transaction commits the fragment. */
  Fragment finish();

  /** Discards what this writer wrote. Called at most once, instead of {@link #finish()} or after it failed. */
  void abort();
}
