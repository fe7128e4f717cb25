package io.copyjob.storage.delta.kernel;

import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.RandomAccessInput;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Kernel's seekable stream over a {@link RandomAccessInput}: sequential reads (JSON log files) go through a buffer
 * refilled with one positional read each, seeks (Parquet checkpoints) just move the position.
 */
final class StoreSeekableStream extends SeekableInputStream {
  private static final int BUFFER = 256 * 1024;

  private final RandomAccessInput input;
  private final byte[] buffer = new byte[BUFFER];
  private long bufferStart;
  private int bufferLength;
  private long pos;

  StoreSeekableStream(FileStore store, String path) throws IOException {
    try {
      this.input = store.openRandomAccess(path);
    } catch (NoSuchFileException e) {
      throw notFound(e);
    }
  }

  /** Kernel tells an absent file (no {@code _last_checkpoint} yet) by this type; stores throw the NIO one. */
  private static FileNotFoundException notFound(NoSuchFileException e) {
    FileNotFoundException f = new FileNotFoundException(e.getMessage());
    f.initCause(e);
    return f;
  }

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
    if (!fill()) {
      return -1;
    }
    int n = (int) Math.min(len, bufferStart + bufferLength - pos);
    System.arraycopy(buffer, (int) (pos - bufferStart), b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void readFully(byte[] b, int off, int len) throws IOException {
    try {
      input.readFully(pos, b, off, len);
    } catch (NoSuchFileException e) {
      throw notFound(e);
    }
    pos += len;
  }

  private boolean fill() throws IOException {
    if (pos >= bufferStart && pos < bufferStart + bufferLength) {
      return true;
    }
    if (pos >= input.length()) {
      return false;
    }
    int n;
    try {
      n = input.read(pos, buffer, 0, (int) Math.min(BUFFER, input.length() - pos));
    } catch (NoSuchFileException e) {
      throw notFound(e);
    }
    if (n <= 0) {
      return false;
    }
    bufferStart = pos;
    bufferLength = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
