package io.copyjob.storage.delta.kernel;

import io.copyjob.storage.files.store.BufferedPositionalReader;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.RandomAccessInput;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;

/**
 * Kernel's seekable stream over a {@link RandomAccessInput} (through a {@link BufferedPositionalReader}): sequential
 * reads (JSON log files) go through a buffer refilled with one positional read each, seeks (Parquet checkpoints) just
 * move the position.
 */
final class StoreSeekableStream extends SeekableInputStream {
  private static final int BUFFER = 256 * 1024;

  private final RandomAccessInput input;
  private final BufferedPositionalReader reader = new BufferedPositionalReader(BUFFER, this::fetch);

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
  public void readFully(byte[] b, int off, int len) throws IOException {
    try {
      input.readFully(reader.position(), b, off, len);
    } catch (NoSuchFileException e) {
      throw notFound(e);
    }
    reader.seek(reader.position() + len);
  }

  private int fetch(long position, byte[] b, int off, int len) throws IOException {
    try {
      return input.read(position, b, off, len);
    } catch (NoSuchFileException e) {
      throw notFound(e);
    }
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
