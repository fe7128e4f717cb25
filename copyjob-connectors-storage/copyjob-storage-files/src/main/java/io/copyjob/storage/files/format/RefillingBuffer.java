package io.copyjob.storage.files.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A byte buffer over a stream for readers that cut it into records: {@link #refill()} keeps the unread bytes
 * (the record under way) by moving them to the front, grows the buffer when a record fills it, never beyond the
 * bound, and reads more. The record bound is the caller's to enforce (see {@link #unread()}).
 */
public abstract class RefillingBuffer {
  private final InputStream in;
  private final int maxBytes;
  /** The bytes; {@code [pos, limit)} are read from the stream and not consumed yet. */
  protected byte[] buf;
  /** The first byte not consumed. */
  protected int pos;
  /** The end of the bytes read. */
  protected int limit;
  /** Whether the stream has ended. */
  protected boolean eof;

  /**
   * @param initialBytes the starting size of the buffer
   * @param maxBytes     the largest the buffer may grow to
   */
  protected RefillingBuffer(InputStream in, int initialBytes, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.buf = new byte[Math.min(initialBytes, maxBytes)];
  }

  /** Bytes read and not consumed. */
  protected final int unread() {
    return limit - pos;
  }

  /**
   * Moves the unread bytes to the front (growing the buffer when they fill it) and reads more.
   *
   * @return false at the end of the stream
   */
  protected final boolean refill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, buf.length * 2L));
    }
    return fill();
  }

  /** Reads more after {@code limit} without moving anything; false at the end of the stream or when full. */
  protected final boolean fill() throws IOException {
    if (eof || limit == buf.length) {
      return false;
    }
    int n;
    do {
      n = in.read(buf, limit, buf.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    return true;
  }
}
