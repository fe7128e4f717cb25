package io.copyjob.storage.files.format;

import io.copyjob.data.RecordBatch;
import java.util.Optional;

/** Reads the rows of one file as batches. Used by one thread. */
public interface FormatReader extends AutoCloseable {

  /** The next batch, or null at the end of the file. The reader does not touch a batch once returned. */
  RecordBatch next();

  /** Bytes read from the store so far. */
  long bytesRead();

  /**
   * For a reader of a byte range: where the rows it read began and ended (see {@link RowSpan}), known once
   * {@link #next()} returned null; empty for whole files and row groups.
   */
  default Optional<RowSpan> rowSpan() {
    return Optional.empty();
  }

  @Override
  void close();
}
