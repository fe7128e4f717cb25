package io.copyjob.storage.files.store;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

/**
 * Positional reads from one file, for formats that read a footer first and then chosen byte ranges
 * (Parquet). Each call names its own position, so an object store can serve it with one ranged GET and no
 * state; a local file serves it with a positional channel read.
 *
 * <p>Used by one thread at a time.
 */
public interface RandomAccessInput extends Closeable {

  /** The file's length in bytes, fixed when the input was opened. */
  long length();

  /**
   * Reads up to {@code length} bytes starting at byte {@code position} of the file into {@code buffer}.
   *
   * @return bytes read, at least 1 unless {@code length} is 0; -1 when {@code position} is at or past the end
   */
  int read(long position, byte[] buffer, int offset, int length) throws IOException;

  /** Reads exactly {@code length} bytes starting at {@code position}, or throws {@link EOFException}. */
  default void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = read(position + done, buffer, offset + done, length - done);
      if (n < 0) {
        throw new EOFException("end of file at byte " + (position + done) + " reading " + length + " bytes from "
            + position);
      }
      done += n;
    }
  }
}
