package io.copyjob.storage.files.store;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A file being written that nobody sees until {@link #commit()}: a hidden temporary file renamed into place
 * on a local disk, a multipart upload completed on S3, a block list committed on Azure.
 *
 * <p>Write through {@link #stream()} and close the stream when done; closing ends the writing but does not
 * publish the file. {@link #commit()} then publishes it under {@link #path()} in one step, replacing a file
 * of the same name; {@link #abort()} discards it. Writing happens on one thread; commit or abort may be
 * called later from another.
 */
public interface PendingFile {

  /** The path the file will have once committed, relative to the store's location. */
  String path();

  /** The stream to write the content to. Closing it ends the writing; it does not publish. */
  OutputStream stream();

  /** Bytes written to {@link #stream()} so far. */
  long bytesWritten();

  /**
   * Publishes the file atomically under {@link #path()}, replacing any file of that name. Closes the stream
   * first if it is still open. Calling it again after it succeeded does nothing.
   */
  void commit() throws IOException;

  /**
   * Discards what was written. Safe to call more than once and after a failed commit; after a successful
   * commit it does nothing (use {@link FileStore#delete(String)} to remove a published file). Never throws:
   * failures to clean up are logged by the implementation.
   */
  void abort();
}
