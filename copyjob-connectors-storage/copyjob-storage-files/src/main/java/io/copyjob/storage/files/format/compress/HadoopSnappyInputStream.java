package io.copyjob.storage.files.format.compress;

import java.io.IOException;
import java.io.InputStream;
import org.xerial.snappy.Snappy;

/**
 * Reads Snappy in Hadoop's block framing ({@code BlockCompressorStream}): blocks of a 4-byte big-endian
 * uncompressed length followed by chunks of a 4-byte big-endian compressed length and that many bytes of raw
 * Snappy. snappy-java decompresses each chunk.
 */
final class HadoopSnappyInputStream extends InputStream {
  private static final int MAX_CHUNK = 64 * 1024 * 1024;

  private final InputStream in;
  private byte[] chunk = new byte[0];
  private byte[] out = new byte[0];
  private int outPos;
  private int outLen;
  private long blockRemaining;
  private int blocks;

  HadoopSnappyInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outPos == outLen) {
      if (!nextChunk()) {
        return -1;
      }
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  private boolean nextChunk() throws IOException {
    if (blockRemaining == 0) {
      long raw = readInt(true);
      if (raw < 0) {
        return false;
      }
      blocks++;
      blockRemaining = raw;
      if (raw == 0) {
        return true;
      }
    }
    long length = readInt(false);
    if (length <= 0 || length > MAX_CHUNK) {
      throw new CorruptInputException("not valid Hadoop-framed Snappy data: block " + blocks + " has a chunk of "
          + length + " bytes");
    }
    if (chunk.length < length) {
      chunk = new byte[(int) length];
    }
    readFully(chunk, (int) length);
    int size = Snappy.uncompressedLength(chunk, 0, (int) length);
    if (size > blockRemaining) {
      throw new CorruptInputException("not valid Hadoop-framed Snappy data: block " + blocks + " holds more bytes "
          + "than its header says");
    }
    if (out.length < size) {
      out = new byte[size];
    }
    outLen = Snappy.uncompress(chunk, 0, (int) length, out, 0);
    outPos = 0;
    blockRemaining -= outLen;
    return true;
  }

  /** A big-endian int; -1 at a clean end of the file when {@code endAllowed}. */
  private long readInt(boolean endAllowed) throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int b = in.read();
      if (b < 0) {
        if (i == 0 && endAllowed) {
          return -1;
        }
        throw truncated();
      }
      v = v << 8 | b;
    }
    return v;
  }

  private void readFully(byte[] b, int len) throws IOException {
    int done = 0;
    while (done < len) {
      int n = in.read(b, done, len - done);
      if (n < 0) {
        throw truncated();
      }
      done += n;
    }
  }

  private CorruptInputException truncated() {
    return new CorruptInputException("truncated Snappy data: the file ends inside block " + blocks);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
