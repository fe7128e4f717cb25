package io.copyjob.sql.postgresql;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TimestampVector;
import io.copyjob.data.TypeId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Values as PostgreSQL's text input accepts them: for text columns written from other types, for the text COPY
 * format, and for tests. Times are cut to microseconds first: PostgreSQL would round the extra digits, which
 * can move a value into the next second.
 */
final class PgText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PgText() {
  }

  /** The text of the non-null value in {@code row}. */
  static String render(ColumnVector v, int row) {
    LogicalType type = v.type();
    switch (type.id()) {
      case BOOLEAN: return ((BooleanVector) v).get(row) ? "true" : "false";
      case INT8: case INT16: case INT32: case INT64: return Long.toString(((LongVector) v).get(row));
      case FLOAT32: return Float.toString((float) ((DoubleVector) v).get(row));
      case FLOAT64: return Double.toString(((DoubleVector) v).get(row));
      case DECIMAL: return ((ObjectVector) v).getDecimal(row).toPlainString();
      case STRING: case JSON: return ((ObjectVector) v).getString(row);
      case BINARY: return hex(((ObjectVector) v).getBytes(row));
      case DATE: return PostgresDialect.dateText(LocalDate.ofEpochDay(((LongVector) v).get(row)));
      case TIME: return LocalTime.ofNanoOfDay(((LongVector) v).get(row) / 1000 * 1000).toString();
      case TIMESTAMP: return PostgresDialect.timestampText(micros((TimestampVector) v, row));
      case TIMESTAMP_TZ: return PostgresDialect.timestampText(micros((TimestampVector) v, row)) + "+00";
      case LIST: case MAP: case STRUCT: return JsonText.render(v.getObject(row));
      default: return String.valueOf(v.getObject(row));
    }
  }

  private static LocalDateTime micros(TimestampVector v, int row) {
    long m = v.getMicros(row);
    return LocalDateTime.ofEpochSecond(Math.floorDiv(m, 1_000_000L), (int) Math.floorMod(m, 1_000_000L) * 1000,
        ZoneOffset.UTC);
  }

  /** bytea's hex text form, {@code \x0a1b}. */
  static String hex(byte[] b) {
    char[] out = new char[2 + 2 * b.length];
    out[0] = '\\';
    out[1] = 'x';
    for (int i = 0; i < b.length; i++) {
      out[2 + 2 * i] = HEX[(b[i] >> 4) & 0xf];
      out[3 + 2 * i] = HEX[b[i] & 0xf];
    }
    return new String(out);
  }

  /** Decodes standard base64, the form the files connector writes bytea in; a bad value is a bad value. */
  static byte[] base64(String s) {
    try {
      return Base64.getDecoder().decode(s.strip());
    } catch (IllegalArgumentException e) {
      throw new BadValueException("the text is not valid base64 for a bytea column: " + e.getMessage());
    }
  }

  /**
   * Fails when writing {@code d} into {@code dest} would drop decimal places: PostgreSQL rounds a numeric to
   * the column's scale without a word.
   */
  static BigDecimal checkScale(BigDecimal d, PgType dest) {
    int scale = dest.numericScale();
    if (dest.numericPrecision() < 0 || d.scale() <= scale) {
      return d;
    }
    try {
      return d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new BadValueException("the value " + d.toPlainString() + " has more decimal places than the column's "
          + dest.sqlName() + " keeps; it would be rounded");
    }
  }

  /** True when {@code type} is a numeric source whose values need a scale check against {@code dest}. */
  static boolean needsScaleCheck(TypeId source, PgType dest) {
    return dest.oid() == PgType.NUMERIC && dest.numericPrecision() >= 0
        && (source == TypeId.DECIMAL || source == TypeId.STRING);
  }
}
