package io.copyjob.storage.files.format.parquet;

import io.copyjob.storage.files.store.BufferedPositionalReader;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet {@link InputFile} over a {@link RandomAccessInput}. Small reads (page headers, the footer length)
 * go through a buffer; large ones (column chunks) go straight to the store as one positional read, which an
 * object store serves as one range request.
 */
final class StoreInputFile implements InputFile {
  private static final int BUFFER = 64 * 1024;

  private final RandomAccessInput input;
  private long bytesRead;

  StoreInputFile(RandomAccessInput input) {
    this.input = input;
  }

  /** Bytes fetched from the store so far. */
  long bytesRead() {
    return bytesRead;
  }

  @Override
  public long getLength() {
    return input.length();
  }

  @Override
  public SeekableInputStream newStream() {
    return new Stream();
  }

  private int fetch(long position, byte[] b, int off, int len) throws IOException {
    try {
      int n = input.read(position, b, off, len);
      if (n > 0) {
        bytesRead += n;
      }
      return n;
    } catch (IOException e) {
      throw new StoreException(e);
    }
  }

  /** An I/O failure of the store, as opposed to bytes Parquet cannot make sense of. */
  static final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final class Stream extends SeekableInputStream {
    private final BufferedPositionalReader reader = new BufferedPositionalReader(BUFFER, StoreInputFile.this::fetch);

    @Override
    public long getPos() {
      return reader.position();
    }

    @Override
    public void seek(long newPos) {
      reader.seek(newPos);
    }

    @Override
    public int read() throws IOException {
      return reader.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return reader.read(b, off, len);
    }

    @Override
    public void readFully(byte[] bytes) throws IOException {
      readFully(bytes, 0, bytes.length);
    }

    @Override
    public void readFully(byte[] bytes, int start, int len) throws IOException {
      int done = 0;
      while (done < len) {
        int n = read(bytes, start + done, len - done);
        if (n < 0) {
          throw new EOFException("reached the end of the file after " + done + " of " + len + " bytes");
        }
        done += n;
      }
    }

    @Override
    public int read(ByteBuffer buf) throws IOException {
      int len = buf.remaining();
      if (len == 0) {
        return 0;
      }
      byte[] tmp = new byte[Math.min(len, 1 << 20)];
      int n = read(tmp, 0, tmp.length);
      if (n > 0) {
        buf.put(tmp, 0, n);
      }
      return n;
    }

    @Override
    public void readFully(ByteBuffer buf) throws IOException {
      if (buf.hasArray()) {
        int len = buf.remaining();
        readFully(buf.array(), buf.arrayOffset() + buf.position(), len);
        buf.position(buf.position() + len);
        return;
      }
      while (buf.hasRemaining()) {
        if (read(buf) < 0) {
          throw new EOFException("reached the end of the file with " + buf.remaining() + " bytes to go");
        }
      }
    }

    @Override
    public void close() {
      // The RandomAccessInput belongs to the reader that opened it.
    }
  }
}
