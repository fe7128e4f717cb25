package io.copyjob.core.internal;

import io.copyjob.data.LogicalType;
import io.copyjob.data.TextValues;
import io.copyjob.data.TypeId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The value conversions between logical types that a job may ask for, on values in their Java form.
 *
 * <p>Widening conversions are exact. Narrowing ones follow COPY INTO: a DECIMAL's extra scale and a time's extra
 * fractional digits are truncated, never rounded; a value that does not fit at all (an integer overflow, text
 * that does not parse, a fraction into an integer) fails with an {@link IllegalArgumentException} saying why.
 */
final class Conversions {
  private Conversions() {
  }

  /** The conversion from {@code from} to {@code to}, or empty when no value of one can become the other. */
  static Optional<UnaryOperator<Object>> between(LogicalType from, LogicalType to) {
    if (from.equals(to)) {
      return Optional.of(v -> v);
    }
    TypeId f = from.id();
    TypeId t = to.id();
    if (t == TypeId.STRING || (t == TypeId.JSON && (f == TypeId.STRING || f == TypeId.JSON))) {
      return Optional.of(v -> checkLength(TextValues.toText(from, v), to));
    }
    if (f == TypeId.STRING || f == TypeId.JSON) {
      if (to.isNested()) {
        return Optional.empty();
      }
      return Optional.of(v -> narrow(TextValues.parse(to, (String) v), to));
    }
    if (from.isInteger() || f == TypeId.DECIMAL || f == TypeId.FLOAT32 || f == TypeId.FLOAT64) {
      return numeric(from, to);
    }
    if (f == TypeId.BOOLEAN && to.isInteger()) {
      return Optional.of(v -> toInteger(BigDecimal.valueOf((Boolean) v ? 1 : 0), to));
    }
    if (f == TypeId.BOOLEAN && t == TypeId.DECIMAL) {
      return Optional.of(v -> toDecimal(BigDecimal.valueOf((Boolean) v ? 1 : 0), to));
    }
    if (f == TypeId.UUID && t == TypeId.BINARY) {
      return Optional.of(v -> uuidBytes((UUID) v));
    }
    return temporal(from, to);
  }

  private static Optional<UnaryOperator<Object>> numeric(LogicalType from, LogicalType to) {
    switch (to.id()) {
      case INT8: case INT16: case INT32: case INT64:
        return Optional.of(v -> toInteger(decimalOf(v), to));
      case DECIMAL:
        return Optional.of(v -> toDecimal(decimalOf(v), to));
      case FLOAT32:
        return Optional.of(v -> (float) ((Number) v).doubleValue());
      case FLOAT64:
        return Optional.of(v -> ((Number) v).doubleValue());
      case BOOLEAN:
        return from.isInteger() ? Optional.of(Conversions::integerToBoolean) : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static Optional<UnaryOperator<Object>> temporal(LogicalType from, LogicalType to) {
    TypeId f = from.id();
    TypeId t = to.id();
    int p = to.precision();
    if (f == TypeId.TIMESTAMP && t == TypeId.TIMESTAMP) {
      return Optional.of(v -> truncate((LocalDateTime) v, p));
    }
    if (f == TypeId.TIMESTAMP_TZ && t == TypeId.TIMESTAMP_TZ) {
      return Optional.of(v -> truncate((Instant) v, p));
    }
    if (f == TypeId.TIMESTAMP && t == TypeId.TIMESTAMP_TZ) {
      return Optional.of(v -> truncate(((LocalDateTime) v).toInstant(ZoneOffset.UTC), p));
    }
    if (f == TypeId.TIMESTAMP_TZ && t == TypeId.TIMESTAMP) {
      return Optional.of(v -> truncate(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC), p));
    }
    if (from.isTimestamp() && t == TypeId.DATE) {
      return Optional.of(v -> v instanceof Instant i ? LocalDate.ofInstant(i, ZoneOffset.UTC) : ((LocalDateTime) v).toLocalDate());
    }
    if (from.isTimestamp() && t == TypeId.TIME) {
      return Optional.of(v -> truncate(v instanceof Instant i ? LocalTime.ofInstant(i, ZoneOffset.UTC) : ((LocalDateTime) v).toLocalTime(), p));
    }
    if (f == TypeId.DATE && t == TypeId.TIMESTAMP) {
      return Optional.of(v -> ((LocalDate) v).atStartOfDay());
    }
    if (f == TypeId.DATE && t == TypeId.TIMESTAMP_TZ) {
      return Optional.of(v -> ((LocalDate) v).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
    if (f == TypeId.TIME && t == TypeId.TIME) {
      return Optional.of(v -> truncate((LocalTime) v, p));
    }
    return Optional.empty();
  }

  private static BigDecimal decimalOf(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(d + " has no exact numeric value");
      }
      return new BigDecimal(Double.toString(d));
    }
    return BigDecimal.valueOf(((Number) v).longValue());
  }

  private static Object toInteger(BigDecimal d, LogicalType to) {
    BigInteger whole;
    try {
      whole = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(d.toPlainString() + " has a fraction and cannot become " + to);
    }
    long bits = to.id() == TypeId.INT8 ? 7 : to.id() == TypeId.INT16 ? 15 : to.id() == TypeId.INT32 ? 31 : 63;
    if (whole.bitLength() > bits) {
      throw new IllegalArgumentException(d.toPlainString() + " is out of range for " + to);
    }
    long l = whole.longValue();
    switch (to.id()) {
      case INT8: return (byte) l;
      case INT16: return (short) l;
      case INT32: return (int) l;
      default: return l;
    }
  }

  private static Object toDecimal(BigDecimal d, LogicalType to) {
    BigDecimal scaled = d.setScale(to.scale(), RoundingMode.DOWN);
    if (scaled.precision() - scaled.scale() > to.precision() - to.scale()) {
      throw new IllegalArgumentException(d.toPlainString() + " does not fit " + to);
    }
    return scaled;
  }

  private static Object integerToBoolean(Object v) {
    long l = ((Number) v).longValue();
    if (l != 0 && l != 1) {
      throw new IllegalArgumentException(l + " is neither 0 nor 1");
    }
    return l == 1;
  }

  /** Applies the target's length, scale and precision to a value parsed from text. */
  private static Object narrow(Object value, LogicalType to) {
    switch (to.id()) {
      case DECIMAL: return toDecimal((BigDecimal) value, to);
      case TIMESTAMP: return truncate((LocalDateTime) value, to.precision());
      case TIMESTAMP_TZ: return truncate((Instant) value, to.precision());
      case TIME: return truncate((LocalTime) value, to.precision());
      case STRING: return checkLength((String) value, to);
      default: return value;
    }
  }

  private static String checkLength(String s, LogicalType to) {
    if (to.length() != LogicalType.UNBOUNDED && s.codePointCount(0, s.length()) > to.length()) {
      throw new IllegalArgumentException("text of " + s.codePointCount(0, s.length()) + " characters is longer than "
          + to.length());
    }
    return s;
  }

  private static long unit(int precision) {
    return (long) Math.pow(10, 9 - precision);
  }

  static LocalDateTime truncate(LocalDateTime t, int precision) {
    return t.withNano((int) (t.getNano() - t.getNano() % unit(precision)));
  }

  static Instant truncate(Instant t, int precision) {
    return Instant.ofEpochSecond(t.getEpochSecond(), t.getNano() - t.getNano() % unit(precision));
  }

  static LocalTime truncate(LocalTime t, int precision) {
    return t.withNano((int) (t.getNano() - t.getNano() % unit(precision)));
  }

  private static byte[] uuidBytes(UUID u) {
    return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
  }
}
