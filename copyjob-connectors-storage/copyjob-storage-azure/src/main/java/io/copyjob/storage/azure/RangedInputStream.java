package io.copyjob.storage.azure;

import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sequential reading over positional reads: fetches the file in chunks of a fixed size, one ranged GET each,
 * so a stream holds one chunk of memory whatever the file's size. Reads larger than a chunk go straight into
 * the caller's array.
 */
final class RangedInputStream extends InputStream {
  /** Bytes per ranged GET. */
  static final int CHUNK = 4 * 1024 * 1024;

  private final RandomAccessInput input;
  private final byte[] chunk;
  private long chunkStart;
  private int chunkLength;
  private long position;
  private boolean closed;

  RangedInputStream(RandomAccessInput input, int chunkSize) {
    this.input = input;
    this.chunk = new byte[(int) Math.max(1, Math.min(chunkSize, input.length()))];
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the stream is closed");
    }
    if (len == 0) {
      return 0;
    }
    if (position >= input.length()) {
      return -1;
    }
    boolean buffered = position >= chunkStart && position < chunkStart + chunkLength;
    if (!buffered && len >= chunk.length) {
      int n = input.read(position, b, off, len);
      if (n > 0) {
        position += n;
      }
      return n;
    }
    if (!buffered) {
      int n = input.read(position, chunk, 0, chunk.length);
      if (n < 0) {
        return -1;
      }
      chunkStart = position;
      chunkLength = n;
    }
    int n = (int) Math.min(len, chunkStart + chunkLength - position);
    System.arraycopy(chunk, (int) (position - chunkStart), b, off, n);
    position += n;
    return n;
  }

  @Override
  public long skip(long n) {
    if (n <= 0) {
      return 0;
    }
    long skipped = Math.min(n, Math.max(0, input.length() - position));
    position += skipped;
    return skipped;
  }

  @Override
  public int available() {
    boolean buffered = position >= chunkStart && position < chunkStart + chunkLength;
    return buffered ? (int) (chunkStart + chunkLength - position) : 0;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    input.close();
  }
}
