package io.copyjob.sql.postgresql;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads over the chunks of a COPY TO STDOUT stream. The server sends one CopyData message per row,
 * so the fast path reads straight from the current chunk without copying; values that span chunks (allowed by
 * the protocol) take a slow path. Not thread-safe.
 */
final class CopyInput {
  /** Where chunks come from: the driver's CopyOut, or an array in tests. */
  interface ChunkSource {
    /** The next chunk, or null at the end of the stream. */
    byte[] next() throws IOException;
  }

  private static final byte[] EMPTY = new byte[0];

  private final ChunkSource source;
  private byte[] buf = EMPTY;
  private int pos;
  private long bytesRead;

  CopyInput(ChunkSource source) {
    this.source = source;
  }

  /** A source over one array, for tests and for values decoded from memory. */
  static CopyInput of(byte[] data) {
    byte[][] once = {data};
    return new CopyInput(() -> {
      byte[] d = once[0];
      once[0] = null;
      return d;
    });
  }

  /** Bytes received so far. */
  long bytesRead() {
    return bytesRead;
  }

  /** True when the stream has no more bytes. */
  boolean atEnd() throws IOException {
    return !fill();
  }

  /** Makes at least one byte available; false at the end. */
  private boolean fill() throws IOException {
    while (pos >= buf.length) {
      byte[] next = source.next();
      if (next == null) {
        return false;
      }
      buf = next;
      pos = 0;
      bytesRead += next.length;
    }
    return true;
  }

  byte readByte() throws IOException {
    if (pos >= buf.length && !fill()) {
      throw new EOFException("COPY stream ended in the middle of a row");
    }
    return buf[pos++];
  }

  short readShort() throws IOException {
    if (buf.length - pos >= 2) {
      short v = (short) (((buf[pos] & 0xff) << 8) | (buf[pos + 1] & 0xff));
      pos += 2;
      return v;
    }
    return (short) (((readByte() & 0xff) << 8) | (readByte() & 0xff));
  }

  int readInt() throws IOException {
    if (buf.length - pos >= 4) {
      byte[] b = buf;
      int p = pos;
      pos = p + 4;
      return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }
    return ((readByte() & 0xff) << 24) | ((readByte() & 0xff) << 16) | ((readByte() & 0xff) << 8) | (readByte() & 0xff);
  }

  long readLong() throws IOException {
    if (buf.length - pos >= 8) {
      byte[] b = buf;
      int p = pos;
      pos = p + 8;
      return ((long) (b[p] & 0xff) << 56) | ((long) (b[p + 1] & 0xff) << 48) | ((long) (b[p + 2] & 0xff) << 40)
          | ((long) (b[p + 3] & 0xff) << 32) | ((long) (b[p + 4] & 0xff) << 24) | ((b[p + 5] & 0xff) << 16)
          | ((b[p + 6] & 0xff) << 8) | (b[p + 7] & 0xff);
    }
    return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
  }

  byte[] readBytes(int len) throws IOException {
    byte[] out = new byte[len];
    int done = 0;
    while (done < len) {
      if (pos >= buf.length && !fill()) {
        throw new EOFException("COPY stream ended in the middle of a value");
      }
      int n = Math.min(len - done, buf.length - pos);
      System.arraycopy(buf, pos, out, done, n);
      pos += n;
      done += n;
    }
    return out;
  }

  String readUtf8(int len) throws IOException {
    if (buf.length - pos >= len) {
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }
    return new String(readBytes(len), StandardCharsets.UTF_8);
  }

  void skip(int len) throws IOException {
    int left = len;
    while (left > 0) {
      if (pos >= buf.length && !fill()) {
        throw new EOFException("COPY stream ended in the middle of a value");
      }
      int n = Math.min(left, buf.length - pos);
      pos += n;
      left -= n;
    }
  }
}
