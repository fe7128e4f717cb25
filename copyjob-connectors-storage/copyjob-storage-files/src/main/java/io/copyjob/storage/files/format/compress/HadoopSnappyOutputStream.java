package io.copyjob.storage.files.format.compress;

import java.io.IOException;
import java.io.OutputStream;
import org.xerial.snappy.Snappy;

/**
 * Writes Snappy in Hadoop's block framing, readable by Hadoop's {@code SnappyCodec} (Spark, Hive) and by
 * {@link HadoopSnappyInputStream}: each block of up to 64 KiB is written as its 4-byte big-endian length, then one
 * chunk of a 4-byte big-endian compressed length and the raw Snappy bytes from snappy-java. 64 KiB blocks stay
 * within Hadoop's default decompression buffer (256 KiB).
 */
final class HadoopSnappyOutputStream extends OutputStream {
  static final int BLOCK = 64 * 1024;

  private final OutputStream out;
  private final byte[] block = new byte[BLOCK];
  private final byte[] compressed = new byte[Snappy.maxCompressedLength(BLOCK)];
  private final byte[] header = new byte[8];
  private int filled;
  private boolean closed;

  HadoopSnappyOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    block[filled++] = (byte) b;
    if (filled == BLOCK) {
      writeBlock();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      int n = Math.min(len, BLOCK - filled);
      System.arraycopy(b, off, block, filled, n);
      filled += n;
      off += n;
      len -= n;
      if (filled == BLOCK) {
        writeBlock();
      }
    }
  }

  private void writeBlock() throws IOException {
    if (filled == 0) {
      return;
    }
    int length = Snappy.compress(block, 0, filled, compressed, 0);
    putInt(header, 0, filled);
    putInt(header, 4, length);
    out.write(header);
    out.write(compressed, 0, length);
    filled = 0;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** Flushes what full blocks were written; a partial block waits for more bytes or {@link #close()}. */
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
      writeBlock();
    } finally {
      out.close();
    }
  }
}
