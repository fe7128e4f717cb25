package io.copyjob.spi;

import io.copyjob.data.RecordBatch;

/** Reads the rows of one {@link Split} as a sequence of bounded {@link RecordBatch}es. Used by one thread. */
public interface SplitReader extends AutoCloseable {

  /**
   * The next batch, or null at the end. The batch has the request's columns in order; it must not be touched
   * by the reader once returned.
   */
  RecordBatch next();

  /** Bytes read from the store so far, as the store counts them (wire bytes, file bytes); 0 if unknown. */
  default long bytesRead() {
    return 0;
  }

  @Override
  void close();
}
