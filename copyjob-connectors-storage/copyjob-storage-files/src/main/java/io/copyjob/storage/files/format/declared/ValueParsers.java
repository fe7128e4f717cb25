package io.copyjob.storage.files.format.declared;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TextValues;
import io.copyjob.data.TimestampVector;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The {@link ValueParser} of each logical type, with T-SQL COPY's value semantics:
 *
 * <ul>
 *   <li>integers in decimal, out of the type's range: rejected; FLOAT32/64 as Java reads them;</li>
 *   <li>DECIMAL(p,s): extra fraction digits are truncated (toward zero: {@code 1.239} and {@code -1.239} load
 *       as {@code 1.23} and {@code -1.23} into DECIMAL(12,2)); more than {@code p - s} integer digits:
 *       rejected;</li>
 *   <li>STRING(n): longer than n characters: rejected ("value too long"); BINARY(n) likewise in bytes. BINARY
 *       text is hex with a {@code 0x} prefix, or base64 as copyjob's CSV writer writes it;</li>
 *   <li>DATE, TIMESTAMP: ISO {@code yyyy-mm-dd} or the {@link DateOrder}, then an optional time; TIME and
 *       TIMESTAMP fractions beyond the precision are truncated; TIMESTAMP_TZ takes an optional offset (UTC
 *       without one);</li>
 *   <li>BOOLEAN, UUID as {@link TextValues} reads them; surrounding spaces are ignored except in STRING and
 *       JSON.</li>
 * </ul>
 */
public final class ValueParsers {
  private ValueParsers() {
  }

  /** A parser for {@code column}, reading non-ISO dates in {@code order}. */
  public static ValueParser forColumn(DeclaredColumn column, DateOrder order) {
    LogicalType t = column.type();
    switch (t.id()) {
      case BOOLEAN: return new Bool(column);
      case INT8: return new Int(column, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case INT16: return new Int(column, Short.MIN_VALUE, Short.MAX_VALUE);
      case INT32: return new Int(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case INT64: return new Int(column, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT32: return new Floating(column, true);
      case FLOAT64: return new Floating(column, false);
      case DECIMAL: return new Decimal(column);
      case STRING: case JSON: return new Text(column);
      case BINARY: return new Binary(column);
      case UUID: return new Uuid(column);
      case DATE: return new Date(column, order);
      case TIME: return new Time(column);
      case TIMESTAMP: case TIMESTAMP_TZ: return new Timestamp(column, order);
      default: throw new IllegalArgumentException(t + " columns cannot be declared");
    }
  }

  /** Where {@code [off, end)} starts without leading ASCII spaces and tabs. */
  private static int trimStart(byte[] b, int off, int end) {
    while (off < end && (b[off] == ' ' || b[off] == '\t')) {
      off++;
    }
    return off;
  }

  /** Where {@code [off, end)} ends without trailing ASCII spaces and tabs. */
  private static int trimEnd(byte[] b, int off, int end) {
    while (end > off && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  /** Base of parsers that ignore surrounding spaces. */
  private abstract static class Trimmed extends ValueParser {
    Trimmed(DeclaredColumn column) {
      super(column);
    }

    @Override
    final void parseText(byte[] b, int off, int end, ColumnVector out, int row) {
      int s = trimStart(b, off, end);
      int e = trimEnd(b, s, end);
      if (s == e) {
        setNull(out, row);
        return;
      }
      parseTrimmed(b, s, e, out, row);
    }

    abstract void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row);
  }

  /** The words {@link TextValues} reads as booleans, compared on the bytes without a String. */
  private static final class Bool extends Trimmed {
    private static final byte[][] TRUE = words("true", "t", "yes", "y", "1");
    private static final byte[][] FALSE = words("false", "f", "no", "n", "0");

    Bool(DeclaredColumn c) {
      super(c);
    }

    private static byte[][] words(String... words) {
      byte[][] out = new byte[words.length][];
      for (int i = 0; i < words.length; i++) {
        out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
      }
      return out;
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      if (matches(TRUE, b, off, end)) {
        ((BooleanVector) out).set(row, true);
      } else if (matches(FALSE, b, off, end)) {
        ((BooleanVector) out).set(row, false);
      } else {
        throw NumberText.notA(b, off, end, column().type());
      }
    }

    private static boolean matches(byte[][] words, byte[] b, int off, int end) {
      for (byte[] w : words) {
        if (w.length == end - off) {
          int i = 0;
          while (i < w.length && (b[off + i] | 0x20) == w[i]) {
            i++;
          }
          if (i == w.length) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static final class Int extends Trimmed {
    private final long min;
    private final long max;

    Int(DeclaredColumn c, long min, long max) {
      super(c);
      this.min = min;
      this.max = max;
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      ((LongVector) out).set(row, NumberText.parseLong(b, off, end, min, max, column().type()));
    }
  }

  private static final class Floating extends Trimmed {
    private final boolean single;

    Floating(DeclaredColumn c, boolean single) {
      super(c);
      this.single = single;
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      ((DoubleVector) out).set(row, NumberText.parseDouble(b, off, end, single, column().type()));
    }
  }

  private static final class Decimal extends Trimmed {
    Decimal(DeclaredColumn c) {
      super(c);
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      LogicalType t = column().type();
      ((ObjectVector) out).set(row, NumberText.parseDecimal(b, off, end, t.precision(), t.scale(), t));
    }
  }

  /** STRING and JSON: the text as it is, checked to be UTF-8 and at most the declared length. */
  private static final class Text extends ValueParser {
    private final int max;

    Text(DeclaredColumn c) {
      super(c);
      this.max = c.type().length();
    }

    @Override
    boolean keepsEmpty() {
      return true;
    }

    @Override
    void parseText(byte[] b, int off, int end, ColumnVector out, int row) {
      set(utf8(b, off, end), out, row);
    }

    @Override
    public void parse(String text, ColumnVector out, int row) {
      if (text == null || (text.isEmpty() && column().defaultValue() != null)) {
        setNull(out, row);
      } else {
        set(text, out, row);
      }
    }

    private void set(String s, ColumnVector out, int row) {
      if (max != LogicalType.UNBOUNDED && s.length() > max) {
        int chars = s.codePointCount(0, s.length());
        if (chars > max) {
          throw new BadValue("value too long: " + chars + " characters for " + column().type());
        }
      }
      ((ObjectVector) out).set(row, s);
    }
  }

  /** Decodes UTF-8, failing on malformed bytes rather than replacing them. */
  static String utf8(byte[] b, int off, int end) {
    String s = new String(b, off, end - off, StandardCharsets.UTF_8);
    if (s.indexOf('\uFFFD') >= 0) {
      // A replacement character: either the text holds one (EF BF BD) or the bytes are not UTF-8.
      try {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, end - off));
      } catch (CharacterCodingException e) {
        throw BadValue.malformed("invalid UTF-8 (" + e + ")");
      }
    }
    return s;
  }

  private static final class Binary extends Trimmed {
    Binary(DeclaredColumn c) {
      super(c);
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      byte[] bytes;
      if (end - off >= 2 && b[off] == '0' && (b[off + 1] == 'x' || b[off + 1] == 'X')) {
        bytes = hex(b, off + 2, end);
      } else {
        try {
          bytes = java.util.Base64.getDecoder().decode(java.util.Arrays.copyOfRange(b, off, end));
        } catch (IllegalArgumentException e) {
          throw new BadValue("'" + NumberText.abbreviated(b, off, end) + "' is neither 0x-prefixed hex nor base64");
        }
      }
      int max = column().type().length();
      if (max != LogicalType.UNBOUNDED && bytes.length > max) {
        throw new BadValue("value too long: " + bytes.length + " bytes for " + column().type());
      }
      ((ObjectVector) out).set(row, bytes);
    }

    private static byte[] hex(byte[] b, int off, int end) {
      if ((end - off) % 2 != 0) {
        throw new BadValue("odd number of hex digits");
      }
      byte[] out = new byte[(end - off) / 2];
      for (int i = 0; i < out.length; i++) {
        int hi = Character.digit(b[off + 2 * i], 16);
        int lo = Character.digit(b[off + 2 * i + 1], 16);
        if (hi < 0 || lo < 0) {
          throw new BadValue("'" + NumberText.abbreviated(b, off, end) + "' is not hex");
        }
        out[i] = (byte) (hi << 4 | lo);
      }
      return out;
    }
  }

  private static final class Uuid extends Trimmed {
    Uuid(DeclaredColumn c) {
      super(c);
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      try {
        ((ObjectVector) out).set(row, UUID.fromString(NumberText.text(b, off, end)));
      } catch (IllegalArgumentException e) {
        throw NumberText.notA(b, off, end, column().type());
      }
    }
  }

  private static final class Date extends Trimmed {
    private final DateOrder order;

    Date(DeclaredColumn c, DateOrder order) {
      super(c);
      this.order = order;
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      ((LongVector) out).set(row, DateTimeText.date(b, off, end, order, column().type()));
    }
  }

  private static final class Time extends Trimmed {
    Time(DeclaredColumn c) {
      super(c);
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      ((LongVector) out).set(row, DateTimeText.time(b, off, end, column().type().precision(), column().type()));
    }
  }

  private static final class Timestamp extends Trimmed {
    private final DateOrder order;
    private final long[] parts = new long[2];

    Timestamp(DeclaredColumn c, DateOrder order) {
      super(c);
      this.order = order;
    }

    @Override
    void parseTrimmed(byte[] b, int off, int end, ColumnVector out, int row) {
      LogicalType t = column().type();
      DateTimeText.timestamp(b, off, end, order, t.precision(), t.id() == io.copyjob.data.TypeId.TIMESTAMP_TZ,
          parts, t);
      ((TimestampVector) out).setEpochSecond(row, parts[0], (int) parts[1]);
    }
  }
}
