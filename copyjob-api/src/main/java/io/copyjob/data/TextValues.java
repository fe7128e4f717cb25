package io.copyjob.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * The one text form of each logical type, used by text file formats and by conversions to and from STRING.
 *
 * <ul>
 *   <li>DECIMAL: plain digits, never an exponent ({@code -12.340}).</li>
 *   <li>DATE, TIME, TIMESTAMP: ISO-8601 with every fractional digit the value has
 *       ({@code 2024-01-02T03:04:05.123456}); TIMESTAMP_TZ in UTC with {@code Z}.</li>
 *   <li>BOOLEAN {@code true}/{@code false}; UUID canonical; BINARY standard base64; JSON its text.</li>
 * </ul>
 * Parsing accepts the same forms, plus a space instead of {@code T}, offsets on TIMESTAMP_TZ, and
 * {@code t/f/yes/no/1/0} for BOOLEAN. Parse errors are {@link IllegalArgumentException}s whose message says
 * what was expected.
 */
public final class TextValues {
  private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter OFFSET_DATE_TIME = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(LOCAL_DATE_TIME)
      .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
      .optionalStart().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter(Locale.ROOT);

  private TextValues() {
  }

  /** The text form of {@code value}, a value of {@code type} in its Java form. */
  public static String format(LogicalType type, Object value) {
    switch (type.id()) {
      case DECIMAL: return ((BigDecimal) value).toPlainString();
      case BINARY: return Base64.getEncoder().encodeToString((byte[]) value);
      case TIMESTAMP_TZ: return value instanceof Instant i ? i.toString() : value.toString();
      case FLOAT32: case FLOAT64: {
        double d = ((Number) value).doubleValue();
        return type.id() == TypeId.FLOAT32 ? Float.toString((float) d) : Double.toString(d);
      }
      default: return value.toString();
    }
  }

  /** Parses the text form of a value of {@code type} into its Java form. */
  public static Object parse(LogicalType type, String text) {
    String t = type.id() == TypeId.STRING || type.id() == TypeId.JSON ? text : text.trim();
    try {
      switch (type.id()) {
        case BOOLEAN: return parseBoolean(t);
        case INT8: return Byte.parseByte(t);
        case INT16: return Short.parseShort(t);
        case INT32: return Integer.parseInt(t);
        case INT64: return Long.parseLong(t);
        case FLOAT32: return Float.parseFloat(t);
        case FLOAT64: return Double.parseDouble(t);
        case DECIMAL: return new BigDecimal(t);
        case STRING: case JSON: return t;
        case BINARY: return Base64.getDecoder().decode(t);
        case UUID: return UUID.fromString(t);
        case DATE: return LocalDate.parse(t);
        case TIME: return LocalTime.parse(t);
        case TIMESTAMP: return LocalDateTime.parse(t, LOCAL_DATE_TIME);
        case TIMESTAMP_TZ: return parseInstant(t);
        default: throw new IllegalArgumentException("no text form for " + type);
      }
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid " + type + " value");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a valid " + type + " value: " + e.getMessage());
    }
  }

  private static Instant parseInstant(String t) {
    var parsed = OFFSET_DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
    if (parsed instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    // No offset given: the value is read as UTC, the form TIMESTAMP_TZ is written in.
    return ((LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
  }

  private static Boolean parseBoolean(String t) {
    switch (t.toLowerCase(Locale.ROOT)) {
      case "true": case "t": case "yes": case "y": case "1": return Boolean.TRUE;
      case "false": case "f": case "no": case "n": case "0": return Boolean.FALSE;
      default: throw new IllegalArgumentException("expected true or false");
    }
  }

  /** The first 60 characters of {@code text}, for messages. */
  public static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

}
