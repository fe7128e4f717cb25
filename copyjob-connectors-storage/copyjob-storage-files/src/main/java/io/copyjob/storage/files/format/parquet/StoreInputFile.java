package io.copyjob.storage.files.format.parquet;

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

  /** An I/O failure of the store, as opposed to bytes Parquet cannot make sense of. */
  static final class StoreException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final class Stream extends SeekableInputStream {
    private final byte[] buffer = new byte[BUFFER];
    private long bufferStart;
    private int bufferLength;
    private long pos;

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void seek(long newPos) {
      pos = newPos;
    }

    @Override
    public int read() throws IOException {
      if (!fill()) {
        return -1;
      }
      return buffer[(int) (pos++ - bufferStart)] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (pos >= input.length()) {
        return -1;
      }
      if (len >= BUFFER && !inBuffer()) {
        int n = fetch(pos, b, off, len);
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

    private boolean inBuffer() {
      return pos >= bufferStart && pos < bufferStart + bufferLength;
    }

    private boolean fill() throws IOException {
      if (inBuffer()) {
        return true;
      }
      int n = fetch(pos, buffer, 0, BUFFER);
      if (n <= 0) {
        bufferLength = 0;
        return false;
      }
      bufferStart = pos;
      bufferLength = n;
      return true;
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

    @Override
    public void close() {
      // The RandomAccessInput belongs to the reader that opened it.
    }
  }
}
