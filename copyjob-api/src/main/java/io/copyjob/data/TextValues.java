package io.copyjob.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The text form of every logical type, shared by the text formats (CSV, JSON Lines) and by watermark
 * comparisons on text columns. Lossless in both directions:
 *
 * <ul>
 *   <li>BOOLEAN {@code true}/{@code false} (read also as {@code t/f/yes/no/y/n/1/0}); integers in decimal; FLOAT32/64 as Java prints them
 *       (shortest text that reads back to the same value, {@code NaN}, {@code Infinity}).</li>
 *   <li>DECIMAL as plain digits ({@link BigDecimal#toPlainString()}: no exponent, scale kept).</li>
 *   <li>DATE {@code 2024-01-02}; TIME {@code 03:04:05.123456}; TIMESTAMP {@code 2024-01-02T03:04:05.123456};
 *       TIMESTAMP_TZ in UTC {@code 2024-01-02T03:04:05.123456Z}. Seconds are always printed and the fraction
 *       has every digit the value has, up to nine, without trailing zeros.</li>
 *   <li>UUID canonical lower case; BINARY standard base64 with padding; STRING and JSON as their text.</li>
 * </ul>
 */
public final class TextValues {
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private TextValues() {
  }

  /** Turns the non-null value of one row of a vector into text. */
  @FunctionalInterface
  public interface Encoder {
    /** The text of row {@code row}, which must not be NULL. */
    String encode(ColumnVector vector, int row);
  }

  /**
   * The encoder for a column of {@code type}.
   *
   * @throws IllegalArgumentException for LIST, MAP and STRUCT, which have no text form yet
   */
  public static Encoder encoder(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN:
        return (v, r) -> ((BooleanVector) v).get(r) ? "true" : "false";
      case INT8: case INT16: case INT32: case INT64:
        return (v, r) -> Long.toString(((LongVector) v).get(r));
      case FLOAT32:
        return (v, r) -> Float.toString((float) ((DoubleVector) v).get(r));
      case FLOAT64:
        return (v, r) -> Double.toString(((DoubleVector) v).get(r));
      case DECIMAL:
        return (v, r) -> ((ObjectVector) v).getDecimal(r).toPlainString();
      case STRING: case JSON:
        return (v, r) -> ((ObjectVector) v).getString(r);
      case BINARY:
        return (v, r) -> BASE64.encodeToString(((ObjectVector) v).getBytes(r));
      case UUID:
        return (v, r) -> ((ObjectVector) v).get(r).toString();
      case DATE:
        return (v, r) -> formatDate(((LongVector) v).get(r));
      case TIME:
        return (v, r) -> formatTime(((LongVector) v).get(r));
      case TIMESTAMP:
        return (v, r) -> {
          TimestampVector t = (TimestampVector) v;
          return formatTimestamp(t.epochSecond(r), t.nanoOfSecond(r));
        };
      case TIMESTAMP_TZ:
        return (v, r) -> {
          TimestampVector t = (TimestampVector) v;
          return formatTimestamp(t.epochSecond(r), t.nanoOfSecond(r)) + 'Z';
        };
      default:
        throw new IllegalArgumentException(type + " has no text form yet");
    }
  }

  /** The text of a value given in its type's Java form (see {@link io.copyjob.data.TypeId}); null for null. */
  public static String toText(LogicalType type, Object value) {
    if (value == null) {
      return null;
    }
    ColumnVector v = ColumnVector.allocate(type, 1);
    v.setObject(0, value);
    return encoder(type).encode(v, 0);
  }

  /**
   * Reads text written by {@link #encoder(LogicalType)} (and common variants: a space instead of {@code T} in
   * timestamps, an offset instead of {@code Z}) into the type's Java form.
   *
   * @throws IllegalArgumentException when the text is not a value of the type
   */
  public static Object parse(LogicalType type, String text) {
    try {
      switch (type.id()) {
        case BOOLEAN:
          switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "t": case "yes": case "y": case "1": return Boolean.TRUE;
            case "false": case "f": case "no": case "n": case "0": return Boolean.FALSE;
            default: throw new IllegalArgumentException("not a boolean: '" + text + "'");
          }
        case INT8: return checkRange(text, Long.parseLong(text.trim()), Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
        case INT16: return checkRange(text, Long.parseLong(text.trim()), Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
        case INT32: return checkRange(text, Long.parseLong(text.trim()), Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        case INT64: return Long.parseLong(text.trim());
        case FLOAT32: return Float.parseFloat(text.trim());
        case FLOAT64: return Double.parseDouble(text.trim());
        case DECIMAL: return new BigDecimal(text.trim());
        case STRING: case JSON: return text;
        case BINARY: return BASE64_DECODER.decode(text.trim());
        case UUID: return UUID.fromString(text.trim());
        case DATE: return parseDate(text.trim());
        case TIME: return LocalTime.parse(text.trim());
        case TIMESTAMP: return parseDateTime(text.trim());
        case TIMESTAMP_TZ: return parseInstant(text.trim());
        default: throw new IllegalArgumentException(type + " has no text form yet");
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a " + type + ": '" + text + "'", e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a " + type + ": '" + text + "'", e);
    }
  }

  private static Long checkRange(String text, long v, long min, long max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException("'" + text + "' is outside " + min + ".." + max);
    }
    return v;
  }

  private static String withT(String s) {
    return s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
  }

  private static LocalDate parseDate(String s) {
    LocalDate fast = IsoDateParser.date(s);
    return fast != null ? fast : LocalDate.parse(s);
  }

  private static LocalDateTime parseDateTime(String s) {
    LocalDateTime fast = IsoDateParser.dateTime(s);
    return fast != null ? fast : LocalDateTime.parse(withT(s));
  }

  private static Instant parseInstant(String s) {
    if (s.endsWith("Z") || s.endsWith("z")) {
      return parseDateTime(s.substring(0, s.length() - 1)).toInstant(ZoneOffset.UTC);
    }
    return OffsetDateTime.parse(withT(s)).toInstant();
  }

  /** {@code yyyy-MM-dd}; years outside 0..9999 get a sign, as ISO-8601 asks. */
  public static String formatDate(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      return d.toString();
    }
    StringBuilder sb = new StringBuilder(10);
    pad(sb, year, 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    return pad(sb, d.getDayOfMonth(), 2).toString();
  }

  /** {@code HH:mm:ss[.fraction]} from nanoseconds of the day. */
  public static String formatTime(long nanoOfDay) {
    StringBuilder sb = new StringBuilder(18);
    appendTime(sb, nanoOfDay / 1_000_000_000L, (int) (nanoOfDay % 1_000_000_000L));
    return sb.toString();
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]} of a local date-time given as UTC epoch seconds and nanos. */
  public static String formatTimestamp(long epochSecond, int nanoOfSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    long secondOfDay = Math.floorMod(epochSecond, 86_400L);
    String date = formatDate(day);
    if (date.length() != 10) {
      return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
          LocalDateTime.ofEpochSecond(epochSecond, nanoOfSecond, ZoneOffset.UTC));
    }
    StringBuilder sb = new StringBuilder(29).append(date).append('T');
    appendTime(sb, secondOfDay, nanoOfSecond);
    return sb.toString();
  }

  private static void appendTime(StringBuilder sb, long secondOfDay, int nanos) {
    pad(sb, (int) (secondOfDay / 3600), 2).append(':');
    pad(sb, (int) (secondOfDay / 60 % 60), 2).append(':');
    pad(sb, (int) (secondOfDay % 60), 2);
    if (nanos != 0) {
      int digits = 9;
      int n = nanos;
      while (n % 10 == 0) {
        n /= 10;
        digits--;
      }
      sb.append('.');
      pad(sb, n, digits);
    }
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s);
  }

  /** The first 60 characters of {@code text}, for messages. */
  public static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
