package io.copyjob.storage.azure;

import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Positional reads of one Azure file: each {@link #read} is one ranged GET of the version the input was opened
 * on (a change of the file since makes reads fail rather than mix two versions). Holds no buffer and no
 * connection between reads.
 */
final class AzureRandomAccessInput implements RandomAccessInput {
  private final long length;
  private final RangeReader reader;
  private volatile boolean closed;

  AzureRandomAccessInput(long length, RangeReader reader) {
    this.length = length;
    this.reader = reader;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public int read(long position, byte[] buffer, int offset, int len) throws IOException {
    if (closed) {
      throw new IOException("the input is closed");
    }
    if (position < 0 || offset < 0 || len < 0 || offset + len > buffer.length) {
      throw new IndexOutOfBoundsException("position " + position + ", offset " + offset + ", length " + len
          + ", buffer " + buffer.length);
    }
    if (len == 0) {
      return 0;
    }
    if (position >= length) {
      return -1;
    }
    int wanted = (int) Math.min(len, length - position);
    ArraySink sink = new ArraySink(buffer, offset, wanted);
    reader.read(position, wanted, sink);
    if (sink.written == 0) {
      throw new IOException("the service returned no bytes at position " + position + " of a file of " + length
          + " bytes");
    }
    return sink.written;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Writes into a slice of an array, failing on overflow rather than growing. */
  private static final class ArraySink extends OutputStream {
    private final byte[] target;
    private final int offset;
    private final int capacity;
    private int written;

    ArraySink(byte[] target, int offset, int capacity) {
      this.target = target;
      this.offset = offset;
      this.capacity = capacity;
    }

    @Override
    public void write(int b) throws IOException {
      if (written >= capacity) {
        throw new IOException("the service returned more bytes than the " + capacity + " asked for");
      }
      target[offset + written++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > capacity - written) {
        throw new IOException("the service returned more bytes than the " + capacity + " asked for");
      }
      System.arraycopy(b, off, target, offset + written, len);
      written += len;
    }
  }
}
