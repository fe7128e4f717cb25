package io.copyjob.storage.files.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts the rows of a byte range out of a text file. The rows of {@code [start, end)} are those whose first byte
 * lies in the range: a reader of a range that does not start at 0 is opened at {@code start - 1} and skips to
 * just after the first line feed from there (so a row starting exactly at {@code start} is kept), and it ends
 * after the row that is under way at {@code end} (so a row crossing {@code end} is read whole, by this range
 * only). The ranges of a file therefore read every row exactly once.
 *
 * <p>What ends a row: with {@link Rows#LINES} every line feed (JSON Lines, where a line feed cannot occur inside
 * a value). With {@link Rows#csv} a line feed outside quotes, following RFC 4180 quoting from the row start.
 * A range reader does not know whether its start lies inside a quoted value, so it <em>assumes</em> the first
 * line feed at or after {@code start - 1} ends a row; {@link #span()} reports where it began and ended so that
 * the caller can check that the assumption agreed with the previous range's true end (see {@link RowSpan}).
 */
public final class RowRangeInputStream extends InputStream {
  private static final int BUFFER = 64 * 1024;
  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  /** What ends a row. */
  public static final class Rows {
    /** Every line feed ends a row. */
    public static final Rows LINES = new Rows(false, (char) 0, (char) 0);

    private final boolean csv;
    private final char quote;
    private final char delimiter;

    private Rows(boolean csv, char quote, char delimiter) {
      this.csv = csv;
      this.quote = quote;
      this.delimiter = delimiter;
    }

    /** CSV: a line feed outside a value quoted with {@code quote} ends a row. */
    public static Rows csv(char quote, char delimiter) {
      return new Rows(true, quote, delimiter);
    }
  }

  private final InputStream in;
  private final long end;
  private final boolean csv;
  private final byte quote;
  private final byte delimiter;
  private final byte[] buffer = new byte[BUFFER];
  private int pos;
  private int limit;
  /** File offset of {@code buffer[pos]}. */
  private long offset;
  private boolean skipping;
  private boolean atRowStart;
  private int state = FIELD_START;
  private long first = -1;
  private long next = -1;
  private boolean done;

  /**
   * @param in        the file's bytes from {@code start - 1} (from 0 when {@code start} is 0); owned by this stream
   * @param start     the range start
   * @param end       the range end; {@link Long#MAX_VALUE} to read to the end of the file
   * @param rows      what ends a row
   */
  public RowRangeInputStream(InputStream in, long start, long end, Rows rows) {
    this.in = in;
    this.end = end;
    this.csv = rows.csv;
    this.quote = (byte) rows.quote;
    this.delimiter = (byte) rows.delimiter;
    this.offset = start == 0 ? 0 : start - 1;
    this.skipping = start > 0;
    this.atRowStart = start == 0;
  }

  /** The offset the stream must be opened at for a range starting at {@code start}. */
  public static long openOffset(long start) {
    return start == 0 ? 0 : start - 1;
  }

  /** Where the rows read began and ended; complete once {@link #read} returned -1. */
  public RowSpan span() {
    return new RowSpan(first, next);
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
    while (!done) {
      if (pos == limit && !fill()) {
        finish(offset);
        break;
      }
      if (skipping) {
        skip();
        continue;
      }
      int n = copy(b, off, len);
      if (n > 0) {
        return n;
      }
    }
    return -1;
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, BUFFER);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }

  /** Skips to just after the first line feed in the buffer, or through the buffer. */
  private void skip() {
    for (int i = pos; i < limit; i++) {
      if (buffer[i] == '\n') {
        offset += i + 1 - pos;
        pos = i + 1;
        skipping = false;
        atRowStart = true;
        return;
      }
    }
    offset += limit - pos;
    pos = limit;
  }

  /** Copies bytes of the current rows; stops at the first row start at or after {@code end}. */
  private int copy(byte[] b, int off, int len) {
    int count = 0;
    int i = pos;
    int stop = Math.min(limit, pos + len);
    while (i < stop) {
      if (atRowStart) {
        long at = offset + (i - pos);
        if (first < 0) {
          first = at;
        }
        if (at >= end) {
          count = i - pos;
          System.arraycopy(buffer, pos, b, off, count);
          finish(at);
          return count == 0 ? 0 : advance(count);
        }
        atRowStart = false;
        state = FIELD_START;
      }
      byte c = buffer[i++];
      if (csv) {
        atRowStart = csvByte(c);
      } else if (c == '\n') {
        atRowStart = true;
      }
    }
    count = i - pos;
    System.arraycopy(buffer, pos, b, off, count);
    return advance(count);
  }

  private int advance(int count) {
    pos += count;
    offset += count;
    return count;
  }

  /** Moves the CSV state over one byte; true when it ended a row. */
  private boolean csvByte(byte c) {
    switch (state) {
      case QUOTED:
        if (c == quote) {
          state = QUOTE_IN_QUOTED;
        }
        return false;
      case QUOTE_IN_QUOTED:
        if (c == quote) {
          state = QUOTED;
          return false;
        }
        break;
      case FIELD_START:
        if (c == quote) {
          state = QUOTED;
          return false;
        }
        break;
      default:
        break;
    }
    if (c == '\n') {
      return true;
    }
    state = c == delimiter ? FIELD_START : UNQUOTED;
    return false;
  }

  private void finish(long at) {
    if (first < 0) {
      first = at;
    }
    if (next < 0) {
      next = at;
    }
    done = true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
