package io.copyjob.storage.files.format;

import io.copyjob.data.RecordBatch;

/** Reads the rows of one file as batches. Used by one thread. */
public interface FormatReader extends AutoCloseable {

  /** The next batch, or null at the end of the file. The reader does not touch a batch once returned. */
  RecordBatch next();

  /** Bytes read from the store so far. */
  long bytesRead();

  @Override
  void close();
}
