package io.copyjob.storage.files.store;

import java.io.IOException;

/**
 * A position in a file read through positional reads: small reads go through a buffer refilled with one positional
 * read each, reads at least a buffer long (a Parquet column chunk) go straight to the store as one read, which an
 * object store serves as one range request; seeking only moves the position. The seekable streams that Parquet and
 * Delta Kernel ask for are thin adapters over it. Not thread-safe.
 */
public final class BufferedPositionalReader {
  /** One positional read: bytes at {@code position} into {@code b}; the count, or -1 at the end. */
  @FunctionalInterface
  public interface Fetch {
    int read(long position, byte[] b, int off, int len) throws IOException;
  }

  private final Fetch fetch;
  private final byte[] buffer;
  private long bufferStart;
  private int bufferLength;
  private long pos;

  public BufferedPositionalReader(int bufferSize, Fetch fetch) {
    this.fetch = fetch;
    this.buffer = new byte[bufferSize];
  }

  public long position() {
    return pos;
  }

  public void seek(long position) {
    pos = position;
  }

  /** The next byte, or -1 at the end. */
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return buffer[(int) (pos++ - bufferStart)] & 0xff;
  }

  /** Up to {@code len} bytes into {@code b}; the count, or -1 at the end. */
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (len >= buffer.length && !inBuffer()) {
      int n = fetch.read(pos, b, off, len);
      if (n > 0) {
        pos += n;
      }
      return n;
    }
    if (!fill()) {
      return -1;
    }
    int n = (int) Math.min(len, bufferStart + bufferLength - pos);
    System.arraycopy(buffer, (int) (pos - bufferStart), b, off, n);
    pos += n;
    return n;
  }

  private boolean inBuffer() {
    return pos >= bufferStart && pos < bufferStart + bufferLength;
  }

  private boolean fill() throws IOException {
    if (inBuffer()) {
      return true;
    }
    int n = fetch.read(pos, buffer, 0, buffer.length);
    if (n <= 0) {
      bufferLength = 0;
      return false;
    }
    bufferStart = pos;
    bufferLength = n;
    return true;
  }
}
