package io.copyjob.storage.files.store.local;

import io.copyjob.storage.files.store.PendingFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local {@link PendingFile}: written to {@code .<name>.<random>.tmp} next to the target, which readers of
 * the folder skip because its name starts with a dot, then renamed onto the target.
 */
final class LocalPendingFile implements PendingFile {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPendingFile.class);

  private final String path;
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final CountingStream stream;
  private volatile boolean closed;
  private volatile boolean committed;
  private volatile boolean aborted;

  LocalPendingFile(String path, Path target) throws IOException {
    this.path = path;
    this.target = target;
    this.temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    this.stream = new CountingStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024));
  }

  /** The temporary file, for tests. */
  Path temp() {
    return temp;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  @Override
  public long bytesWritten() {
    return stream.count;
  }

  @Override
  public synchronized void commit() throws IOException {
    if (committed) {
      return;
    }
    if (aborted) {
      throw new IllegalStateException("pending file " + path + " was aborted");
    }
    stream.close();
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public synchronized void abort() {
    if (committed || aborted) {
      return;
    }
    aborted = true;
    try {
      stream.closeQuietly();
      Files.deleteIfExists(temp);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not delete temporary file {}: {}", temp, e.toString());
    }
  }

  /** Counts bytes and, on close, forces them to disk so the rename never publishes a file the OS still buffers. */
  private final class CountingStream extends OutputStream {
    private final OutputStream out;
    private long count;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.flush();
        channel.force(true);
      } finally {
        out.close();
      }
    }

    void closeQuietly() {
      try {
        closed = true;
        out.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("closing {} after abort: {}", temp, e.toString());
      }
    }
  }
}
