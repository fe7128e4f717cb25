package io.copyjob.storage.files.format.csv;

import io.copyjob.storage.files.format.RefillingBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts CSV bytes into records and fields without decoding them: the field terminator and the row terminator may
 * be several bytes long ({@code |~|}, {@code 0x1E}); the default row terminator is CRLF, LF or CR. A field that
 * starts with the quote byte is quoted and may hold both terminators and doubled quotes. For every record the
 * tokenizer knows its exact bytes (with the terminator) and the line it starts on, counting every row
 * terminator, those inside quoted fields too.
 *
 * <p>Why not FastCSV: it has one-character row ends only and cannot give a record's raw bytes, which COPY INTO's
 * rejected-rows file must hold byte for byte.
 *
 * <p>Memory is bounded: a record must fit in {@code maxRowBytes}; a longer one (typically a quote that is never
 * closed) throws {@link RowTooLong} naming its line instead of buffering the rest of the file. Used by one
 * thread.
 */
final class CsvTokenizer extends RefillingBuffer {
  private static final int INITIAL_BUFFER = 256 * 1024;
  private static final int NEED_MORE = -1;

  /** A record longer than the bound: the read cannot continue reliably. */
  static final class RowTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    RowTooLong(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  private final byte[] delimiter;
  private final byte quote;
  private final byte[] terminator;
  private final int maxRowBytes;
  private final byte d0;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
      ByteOrder.LITTLE_ENDIAN);
  // The bytes that stop a scan (the delimiter's or the quote's first byte, the row terminator's first byte or
  // CR and LF), each repeated in a word for scan().
  private final long delimiterWord;
  private final long quoteWord;
  private final long stop1Word;
  private final long stop2Word;


  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int[] flags = new int[32]; // bit 0: quoted, bit 1: holds doubled quotes
  private int count;
  private int rawStart;
  private int rawEnd;
  private long line;
  private long nextLine;
  private String error;
  private byte[] scratch = new byte[256];

  /**
   * @param in          the bytes, owned by the tokenizer's caller
   * @param delimiter   the field terminator's bytes
   * @param quote       the quote byte (ASCII)
   * @param terminator  the row terminator's bytes; null for CRLF, LF or CR
   * @param maxRowBytes the most bytes a record may span
   * @param firstLine   the line number of the first byte (1 at the start of a file)
   */
  CsvTokenizer(InputStream in, byte[] delimiter, byte quote, byte[] terminator, int maxRowBytes, long firstLine) {
    super(in, INITIAL_BUFFER, maxRowBytes + 8);
    this.delimiter = delimiter;
    this.quote = quote;
    this.terminator = terminator;
    this.maxRowBytes = maxRowBytes;
    this.nextLine = firstLine;
    this.d0 = delimiter[0];
    this.delimiterWord = word(d0);
    this.quoteWord = word(quote);
    this.stop1Word = word(terminator == null ? (byte) '\n' : terminator[0]);
    this.stop2Word = word(terminator == null ? (byte) '\r' : terminator[0]);
  }

  /** Skips a UTF-8 byte order mark at the current position (the start of a file). */
  void skipBom() throws IOException {
    while (limit - pos < 3 && fill()) {
      // read on until three bytes or the end
    }
    if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
      pos += 3;
    }
  }

  /**
   * Skips {@code rows} rows by their terminators alone, without parsing quotes (COPY INTO's FIRSTROW).
   *
   * @return how many rows were skipped; fewer at the end of the input
   */
  long skipRows(long rows) throws IOException {
    long skipped = 0;
    while (skipped < rows) {
      if (pos == limit && !refill()) {
        return skipped;
      }
      int t = terminatorAt(pos);
      if (t == NEED_MORE) {
        if (!refill()) {
          t = terminatorAtEnd(pos);
        } else {
          continue;
        }
      }
      if (t > 0) {
        pos += t;
        skipped++;
        nextLine++;
      } else {
        pos++; // a skipped row may be any length: refill() drops what lies before pos
      }
    }
    return skipped;
  }

  /**
   * Reads the next record.
   *
   * @return false at the end of the input
   * @throws RowTooLong when a record exceeds the bound
   */
  boolean next() throws IOException {
    while (true) {
      int status = parse(false);
      if (status > 0) {
        return true;
      }
      if (status == 0) {
        return false;
      }
      if (unread() >= maxRowBytes) {
        throw tooLong();
      }
      if (!refill()) {
        return parse(true) > 0;
      }
    }
  }

  private RowTooLong tooLong() {
    String why = count > 0 && (flags[count - 1] & 1) != 0 && ends[count - 1] < 0
        ? "a quote opened in this row is not closed within " : "the row is longer than ";
    return new RowTooLong(nextLine, why + maxRowBytes + " bytes (csv.maxRowBytes); an unbalanced quote makes "
        + "the rest of the file one row");
  }

  /**
   * Parses one record from {@code pos}: 1 when done, 0 at the end of the input, {@link #NEED_MORE} when the
   * buffer ends first (and {@code atEnd} is false).
   */
  private int parse(boolean atEnd) {
    final byte[] b = buf;
    final int lim = limit;
    int i = pos;
    count = 0;
    error = null;
    long lines = 0;
    if (i == lim) {
      if (atEnd || eof) {
        return 0;
      }
      return NEED_MORE;
    }
    while (true) {
      int fieldStart = i;
      if (i < lim && b[i] == quote) {
        i++;
        int contentStart = i;
        boolean doubled = false;
        int contentEnd;
        addField(contentStart, -1, 1);
        while (true) {
          i = scan(b, i, lim, quoteWord, stop1Word, stop2Word);
          if (i == lim) {
            if (!atEnd) {
              return NEED_MORE;
            }
            error = "a quote opened in field " + count + " is never closed";
            ends[count - 1] = lim;
            return finish(lim, lines);
          }
          if (b[i] == quote) {
            if (i + 1 == lim && !atEnd) {
              return NEED_MORE;
            }
            if (i + 1 < lim && b[i + 1] == quote) {
              doubled = true;
              i += 2;
              continue;
            }
            contentEnd = i;
            i++;
            break;
          }
          int t = atEnd ? terminatorAtEnd(i) : terminatorAt(i);
          if (t == NEED_MORE) {
            return NEED_MORE;
          }
          if (t > 0) {
            lines++;
            i += t;
          } else {
            i++;
          }
        }
        ends[count - 1] = contentEnd;
        flags[count - 1] = doubled ? 3 : 1;
        if (i == lim) {
          if (!atEnd) {
            return NEED_MORE;
          }
          return finish(i, lines);
        }
        int d = atEnd ? delimiterAtEnd(i) : delimiterAt(i);
        if (d == NEED_MORE) {
          return NEED_MORE;
        }
        if (d > 0) {
          i += d;
          if (i == lim && atEnd) {
            addField(i, i, 0);
            return finish(i, lines);
          }
          continue;
        }
        int t = atEnd ? terminatorAtEnd(i) : terminatorAt(i);
        if (t == NEED_MORE) {
          return NEED_MORE;
        }
        if (t > 0) {
          return finish(i + t, lines + 1);
        }
        if (error == null) {
          error = "field " + count + " has text after its closing quote";
        }
        fieldStart = -1; // scan on to the end of this field, whose value is void
      }
      // Unquoted: up to the next delimiter or row end.
      while (true) {
        i = scan(b, i, lim, delimiterWord, stop1Word, stop2Word);
        if (i == lim) {
          if (!atEnd) {
            return NEED_MORE;
          }
          if (fieldStart >= 0) {
            addField(fieldStart, i, 0);
          }
          return finish(i, lines);
        }
        if (b[i] == d0) {
          int d = atEnd ? delimiterAtEnd(i) : delimiterAt(i);
          if (d == NEED_MORE) {
            return NEED_MORE;
          }
          if (d > 0) {
            if (fieldStart >= 0) {
              addField(fieldStart, i, 0);
            }
            i += d;
            if (i == lim && atEnd) {
              addField(i, i, 0);
              return finish(i, lines);
            }
            break;
          }
        }
        int t = atEnd ? terminatorAtEnd(i) : terminatorAt(i);
        if (t == NEED_MORE) {
          return NEED_MORE;
        }
        if (t > 0) {
          if (fieldStart >= 0) {
            addField(fieldStart, i, 0);
          }
          return finish(i + t, lines + 1);
        }
        i++;
      }
    }
  }

  /**
   * The first index from {@code i} below {@code lim} holding one of three bytes (each given repeated in every
   * byte of a word), or {@code lim}. Eight bytes at a time: a word XOR a pattern has a zero byte where they
   * match, and the lowest flagged byte of the zero-byte test is the first match.
   */
  private static int scan(byte[] b, int i, int lim, long p1, long p2, long p3) {
    while (i + 8 <= lim) {
      long w = (long) LONGS.get(b, i);
      long found = zeroBytes(w ^ p1) | zeroBytes(w ^ p2) | zeroBytes(w ^ p3);
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
      i += 8;
    }
    byte c1 = (byte) p1;
    byte c2 = (byte) p2;
    byte c3 = (byte) p3;
    while (i < lim) {
      byte c = b[i];
      if (c == c1 || c == c2 || c == c3) {
        return i;
      }
      i++;
    }
    return lim;
  }

  private static long zeroBytes(long v) {
    return (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
  }

  private static long word(byte b) {
    return (b & 0xffL) * 0x0101010101010101L;
  }

  private int finish(int end, long lines) {
    rawStart = pos;
    rawEnd = end;
    pos = end;
    line = nextLine;
    nextLine += lines;
    return 1;
  }

  private void addField(int start, int end, int flag) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
      flags = Arrays.copyOf(flags, count * 2);
    }
    starts[count] = start;
    ends[count] = end;
    flags[count] = flag;
    count++;
  }

  /** The length of the row terminator at {@code i}, 0 when none starts there, NEED_MORE when undecided. */
  private int terminatorAt(int i) {
    if (terminator == null) {
      byte c = buf[i];
      if (c == '\n') {
        return 1;
      }
      if (c != '\r') {
        return 0;
      }
      if (i + 1 == limit) {
        return NEED_MORE;
      }
      return buf[i + 1] == '\n' ? 2 : 1;
    }
    return match(terminator, i);
  }

  private int terminatorAtEnd(int i) {
    int t = terminatorAt(i);
    if (t != NEED_MORE) {
      return t;
    }
    return terminator == null ? 1 : 0;
  }

  private int delimiterAt(int i) {
    return delimiter.length == 1 ? (buf[i] == d0 ? 1 : 0) : match(delimiter, i);
  }

  private int delimiterAtEnd(int i) {
    int d = delimiterAt(i);
    return d == NEED_MORE ? 0 : d;
  }

  private int match(byte[] pattern, int i) {
    int n = pattern.length;
    for (int k = 0; k < n; k++) {
      if (i + k == limit) {
        return NEED_MORE;
      }
      if (buf[i + k] != pattern[k]) {
        return 0;
      }
    }
    return n;
  }

  /** Fields in the current record. */
  int count() {
    return count;
  }

  /** Whether the record is a line without any content (only a row terminator). */
  boolean isEmptyLine() {
    return count == 1 && flags[0] == 0 && starts[0] == ends[0] && error == null;
  }

  /** Why the record is malformed (text after a closing quote, an unclosed quote); null when it is not. */
  String error() {
    return error;
  }

  /** The buffer holding the current record's bytes; valid until the next call to {@link #next}. */
  byte[] buffer() {
    return buf;
  }

  /** Where field {@code f}'s content starts in {@link #buffer()} (inside the quotes of a quoted field). */
  int start(int f) {
    return starts[f];
  }

  /** Where field {@code f}'s content ends (exclusive; before the closing quote). */
  int end(int f) {
    return ends[f];
  }

  /** Whether field {@code f} was quoted. */
  boolean quoted(int f) {
    return (flags[f] & 1) != 0;
  }

  /**
   * Field {@code f}'s bytes with doubled quotes made single: the buffer itself when there are none (see
   * {@link #start}, {@link #end}), else a scratch array from 0 to {@link #unquotedLength}.
   */
  byte[] unquoted(int f) {
    if ((flags[f] & 2) == 0) {
      return buf;
    }
    int len = 0;
    int e = ends[f];
    if (scratch.length < e - starts[f]) {
      scratch = new byte[e - starts[f]];
    }
    for (int i = starts[f]; i < e; i++) {
      scratch[len++] = buf[i];
      if (buf[i] == quote) {
        i++;
      }
    }
    scratchLength = len;
    return scratch;
  }

  private int scratchLength;

  /** Where the bytes {@link #unquoted} returned start. */
  int unquotedStart(int f) {
    return (flags[f] & 2) == 0 ? starts[f] : 0;
  }

  /** How many bytes {@link #unquoted} returned. */
  int unquotedLength(int f) {
    return (flags[f] & 2) == 0 ? ends[f] - starts[f] : scratchLength;
  }

  /** The record's exact bytes, with its row terminator. A copy. */
  byte[] raw() {
    return Arrays.copyOfRange(buf, rawStart, rawEnd);
  }

  /** The line the current record starts on. */
  long line() {
    return line;
  }
}
