package io.copyjob.storage.azure;

import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared half of Azure's pending files: a write buffer of at most one block that is uploaded each time it
 * fills (a staged block on Blob, an append on ADLS), so a file of any size is written with one block of memory.
 * A file that fits in one block is uploaded whole at commit instead, in one request. Subclasses say how a block
 * is uploaded, how the file is published and how an abandoned one is discarded.
 */
abstract class AzurePendingFile implements PendingFile {
  private static final Logger LOG = LoggerFactory.getLogger(AzurePendingFile.class);
  private static final int INITIAL_BUFFER = 64 * 1024;

  private final String path;
  private final String display;
  private final int blockSize;
  private final Stream stream = new Stream();
  private byte[] buffer;
  private int filled;
  private int blocks;
  private long uploaded;
  private long written;
  private boolean closed;
  private boolean committed;
  private boolean aborted;
  private IOException failure;

  AzurePendingFile(String path, String display, int blockSize) {
    this.path = path;
    this.display = display;
    this.blockSize = blockSize;
    this.buffer = new byte[Math.min(INITIAL_BUFFER, blockSize)];
  }

  /** Uploads block number {@code index} (from 0), the bytes at {@code offset} of the file. */
  protected abstract void uploadBlock(byte[] data, int length, long offset, int index) throws IOException;

  /**
   * Publishes the file under its path, replacing any file there. {@code whole} holds the entire content when no
   * block was uploaded (then {@code blockCount} is 0), else it is null.
   */
  protected abstract void publish(byte[] whole, int length, int blockCount, long size) throws IOException;

  /** Removes what was uploaded, where the service allows. Must not throw. */
  protected abstract void discard(int blockCount);

  @Override
  public String path() {
    return path;
  }

  /** How to name the file in messages. */
  String display() {
    return display;
  }

  @Override
  public OutputStream stream() {
    return stream;
  }

  @Override
  public synchronized long bytesWritten() {
    return written;
  }

  /** The capacity of the write buffer now: never more than one block. For tests of bounded memory. */
  synchronized int bufferCapacity() {
    return buffer == null ? 0 : buffer.length;
  }

  /** Blocks uploaded so far. */
  synchronized int blocksUploaded() {
    return blocks;
  }

  @Override
  public synchronized void commit() throws IOException {
    if (committed) {
      return;
    }
    if (aborted) {
      throw new IllegalStateException("pending file " + display + " was aborted");
    }
    closeStream();
    if (failure != null) {
      throw new IOException("cannot publish " + display + ": an earlier upload failed: " + failure.getMessage(),
          failure);
    }
    if (blocks == 0) {
      publish(buffer, filled, 0, written);
    } else {
      publish(null, 0, blocks, written);
    }
    committed = true;
    buffer = null;
  }

  @Override
  public synchronized void abort() {
    if (committed || aborted) {
      return;
    }
    aborted = true;
    closed = true;
    buffer = null;
    try {
      discard(blocks);
    } catch (RuntimeException e) {
      LOG.warn("could not discard the unpublished upload of {}: {}", display, e.toString());
    }
  }

  private void closeStream() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (blocks > 0 && filled > 0 && failure == null) {
      flushBlock();
    }
  }

  private void flushBlock() throws IOException {
    try {
      uploadBlock(buffer, filled, uploaded, blocks);
    } catch (IOException | RuntimeException e) {
      failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
      throw e;
    }
    blocks++;
    uploaded += filled;
    filled = 0;
  }

  private void write(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("the stream of " + display + " is closed");
    }
    if (failure != null) {
      throw new IOException("an earlier upload of " + display + " failed", failure);
    }
    while (len > 0) {
      if (filled == buffer.length) {
        if (buffer.length < blockSize) {
          buffer = java.util.Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, blockSize));
        } else {
          flushBlock();
        }
      }
      int n = Math.min(len, buffer.length - filled);
      System.arraycopy(b, off, buffer, filled, n);
      filled += n;
      off += n;
      len -= n;
      written += n;
    }
  }

  /** The Content-Type to store with a file, by its extension, so that portals and browsers show it sensibly. */
  static String contentType(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return "text/csv";
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "application/x-ndjson";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".parquet")) {
      return "application/vnd.apache.parquet";
    }
    return "application/octet-stream";
  }

  private final class Stream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      synchronized (AzurePendingFile.this) {
        AzurePendingFile.this.write(b, off, len);
      }
    }

    @Override
    public void close() throws IOException {
      synchronized (AzurePendingFile.this) {
        closeStream();
      }
    }
  }
}
