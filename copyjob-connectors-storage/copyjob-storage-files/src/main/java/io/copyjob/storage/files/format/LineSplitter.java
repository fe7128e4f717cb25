package io.copyjob.storage.files.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts bytes into lines ending at LF (a CR before it belongs to the terminator), giving each line's content and
 * its exact bytes with the terminator, for JSON Lines read line by line. A line must fit in {@code maxLineBytes};
 * a longer one fails the read naming its line instead of buffering the file. Used by one thread.
 */
public final class LineSplitter extends RefillingBuffer {
  private final int maxLineBytes;
  private int start;
  private int contentEnd;
  private int end;
  private long line;

  /** Lines of {@code in}, numbered from {@code firstLine}. */
  public LineSplitter(InputStream in, int maxLineBytes, long firstLine) {
    super(in, 64 * 1024, maxLineBytes + 2);
    this.maxLineBytes = maxLineBytes;
    this.line = firstLine - 1;
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the input
   * @throws IOException also when a line is longer than the bound (the message names it)
   */
  public boolean next() throws IOException {
    int scanned = 0; // bytes of the current line already looked at, from pos
    while (true) {
      for (int i = pos + scanned; i < limit; i++) {
        if (buf[i] == '\n') {
          return take(i > pos && buf[i - 1] == '\r' ? i - 1 : i, i + 1);
        }
      }
      scanned = limit - pos;
      if (scanned > maxLineBytes) {
        throw new IOException("line " + (line + 1) + " is longer than " + maxLineBytes + " bytes");
      }
      if (!refill()) {
        return pos < limit && take(limit, limit);
      }
    }
  }

  private boolean take(int contentEnd, int end) {
    this.start = pos;
    this.contentEnd = contentEnd;
    this.end = end;
    this.pos = end;
    this.line++;
    return true;
  }

  /** The buffer holding the current line; valid until the next call to {@link #next}. */
  public byte[] buffer() {
    return buf;
  }

  /** Where the current line starts in {@link #buffer()}. */
  public int start() {
    return start;
  }

  /** Where its content ends (before CR LF or LF). */
  public int contentEnd() {
    return contentEnd;
  }

  /** The current line's exact bytes with its terminator. A copy. */
  public byte[] raw() {
    return Arrays.copyOfRange(buf, start, end);
  }

  /** The current line's number. */
  public long line() {
    return line;
  }
}
