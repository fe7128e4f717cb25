package io.copyjob.storage.orc;

import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hadoop.fs.FSInputStream;

/**
 * Hadoop's seekable, positioned stream over a {@link RandomAccessInput}. ORC reads the file tail and then whole
 * stream ranges of the chosen columns with positioned {@code readFully} calls, so each becomes one positional
 * read of the store (one ranged GET on S3 or Azure); nothing is buffered here.
 */
final class StoreInputStream extends FSInputStream {
  private final RandomAccessInput input;
  private final LongAdder bytesRead;
  private long pos;

  /** A stream at position 0 that adds the bytes it fetches to {@code bytesRead}. */
  StoreInputStream(RandomAccessInput input, LongAdder bytesRead) {
    this.input = input;
    this.bytesRead = bytesRead;
  }

  @Override
  public void seek(long newPos) throws IOException {
    if (newPos < 0) {
      throw new EOFException("cannot seek to negative position " + newPos);
    }
    pos = newPos;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public boolean seekToNewSource(long targetPos) {
    return false;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = read(pos, b, off, len);
    if (n > 0) {
      pos += n;
    }
    return n;
  }

  @Override
  public int read(long position, byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    int n;
    try {
      n = input.read(position, buffer, offset, length);
    } catch (IOException e) {
      throw new StoreException(e);
    }
    if (n > 0) {
      bytesRead.add(n);
    }
    return n;
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int length) throws IOException {
    int done = 0;
    while (done < length) {
      int n = read(position + done, buffer, offset + done, length - done);
      if (n < 0) {
        throw new EOFException("end of file at byte " + (position + done) + " reading " + length + " bytes from "
            + position + " (the file is " + input.length() + " bytes)");
      }
      done += n;
    }
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(0, input.length() - pos));
  }

  @Override
  public void close() {
    // The RandomAccessInput belongs to the reader that opened it.
  }

  /** An I/O failure of the store, as opposed to bytes ORC cannot make sense of. */
  static final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
