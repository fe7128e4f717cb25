package io.copyjob.testkit.conformance;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The one spelling of values the suite compares, whatever database or connector they came from. A value read
 * back through JDBC or held by the {@code memory} connector becomes:
 *
 * <ul>
 *   <li>NULL: {@code null} (never the text "null"); text: itself, so the empty string stays {@code ""};
 *   <li>integers: decimal digits; decimals: plain notation without trailing zeros ({@code 1.5}, {@code 0},
 *       {@code -0.000000001});
 *   <li>booleans: {@code true} / {@code false}; bytes: lower-case hex ({@code 00ff10}, empty: {@code ""});
 *       UUIDs: lower-case with dashes;
 *   <li>dates: {@code yyyy-MM-dd}; timestamps: {@code yyyy-MM-dd HH:mm:ss} plus a fraction without trailing
 *       zeros ({@code 2024-02-29 12:34:56.1234567}); instants: the same in UTC with a {@code Z}.
 * </ul>
 *
 * {@link #parse(PortableType, String, boolean)} is the inverse, giving the Java form a connector's vectors hold.
 */
public final class NormalForm {
  private NormalForm() {
  }

  /** The normal form of a JDBC or connector value. */
  public static String of(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
    if (v instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (v instanceof UUID u) {
      return u.toString().toLowerCase(Locale.ROOT);
    }
    if (v instanceof LocalDate d) {
      return d.toString();
    }
    if (v instanceof LocalDateTime t) {
      return timestamp(t);
    }
    if (v instanceof OffsetDateTime t) {
      return of(t.toInstant());
    }
    if (v instanceof ZonedDateTime t) {
      return of(t.toInstant());
    }
    if (v instanceof Instant i) {
      return timestamp(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "Z";
    }
    if (v instanceof java.sql.Timestamp || v instanceof java.sql.Date) {
      throw new IllegalArgumentException("read " + v.getClass().getName() + " values as java.time types: the old "
          + "classes use the Julian calendar before 1582 (override ConformanceDatabase.readValue)");
    }
    return v.toString();
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.fraction]}, the fraction without trailing zeros. */
  public static String timestamp(LocalDateTime t) {
    String s = String.format(Locale.ROOT, "%s %02d:%02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute(), t.getSecond());
    if (t.getNano() == 0) {
      return s;
    }
    String fraction = String.format(Locale.ROOT, "%09d", t.getNano()).replaceFirst("0+$", "");
    return s + "." + fraction;
  }

  /** The Java form of a normal-form value of {@code type}, as a connector's vectors hold it; null stays null. */
  public static Object parse(PortableType type, String value, boolean nativeUuid) {
    if (value == null) {
      return null;
    }
    switch (type) {
      case BIGINT: return Long.parseLong(value);
      case INTEGER: return Integer.parseInt(value);
      case DECIMAL: return new BigDecimal(value);
      case VARCHAR: case TEXT: return value;
      case TIMESTAMP: return LocalDateTime.parse(value.replace(' ', 'T'));
      case TIMESTAMP_TZ: return Instant.parse(value.replace(' ', 'T'));
      case DATE: return LocalDate.parse(value);
      case BOOLEAN: return Boolean.parseBoolean(value);
      case BINARY: return HexFormat.of().parseHex(value);
      case UUID: return nativeUuid ? UUID.fromString(value) : value;
      default: throw new IllegalArgumentException(type.name());
    }
  }
}
