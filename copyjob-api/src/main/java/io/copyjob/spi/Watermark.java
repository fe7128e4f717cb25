package io.copyjob.spi;

import io.copyjob.data.LogicalType;
import io.copyjob.data.TypeId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The high-water mark of an incremental copy: the largest value of the incremental column that a run copied,
 * kept in the column's own type so it is never rounded. Immutable.
 *
 * <p>Supported types: the integer types ({@link Long}), DECIMAL ({@link BigDecimal}), DATE ({@link LocalDate}),
 * TIMESTAMP ({@link LocalDateTime}), TIMESTAMP_TZ ({@link Instant}), and STRING for sources whose only
 * monotonic column is text. {@link #toText()} and {@link #parse(LogicalType, String)} are lossless, to the
 * nanosecond.
 */
public final class Watermark implements Comparable<Watermark> {
  private final LogicalType type;
  private final Object value;

  private Watermark(LogicalType type, Object value) {
    this.type = Objects.requireNonNull(type, "type");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Whether a column of {@code type} can drive an incremental copy. */
  public static boolean supports(LogicalType type) {
    return type.isInteger() || type.isTimestamp()
        || type.id() == TypeId.DATE || type.id() == TypeId.DECIMAL || type.id() == TypeId.STRING;
  }

  /** A watermark of {@code type} holding {@code value} in the type's Java form; integers may be any {@link Number}. */
  public static Watermark of(LogicalType type, Object value) {
    if (!supports(type)) {
      throw new IllegalArgumentException("a " + type + " column cannot be an incremental column");
    }
    Object v = type.isInteger() ? Long.valueOf(((Number) value).longValue()) : value;
    Class<?> expected = javaClass(type.id());
    if (!expected.isInstance(v)) {
      throw new IllegalArgumentException("watermark of " + type + " must be a " + expected.getSimpleName()
          + ", got " + v.getClass().getSimpleName());
    }
    return new Watermark(type, v);
  }

  /** Reads the text written by {@link #toText()}. */
  public static Watermark parse(LogicalType type, String text) {
    switch (type.id()) {
      case INT8: case INT16: case INT32: case INT64: return of(type, Long.parseLong(text));
      case DECIMAL: return of(type, new BigDecimal(text));
      case DATE: return of(type, LocalDate.parse(text));
      case TIMESTAMP: return of(type, LocalDateTime.parse(text));
      case TIMESTAMP_TZ: return of(type, Instant.parse(text));
      case STRING: return of(type, text);
      default: throw new IllegalArgumentException("a " + type + " column cannot be an incremental column");
    }
  }

  private static Class<?> javaClass(TypeId id) {
    switch (id) {
      case DECIMAL: return BigDecimal.class;
      case DATE: return LocalDate.class;
      case TIMESTAMP: return LocalDateTime.class;
      case TIMESTAMP_TZ: return Instant.class;
      case STRING: return String.class;
      default: return Long.class;
    }
  }

  public LogicalType type() { return type; }

  /** The value in the type's Java form. */
  public Object value() { return value; }

  /** A lossless text form: decimal digits, ISO-8601 with every fractional digit, or the text itself. */
  public String toText() {
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** Compares values of the same type; comparing different types is an error. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  @Override
  public int compareTo(Watermark o) {
    if (o.type.id() != type.id()) {
      throw new IllegalArgumentException("cannot compare a " + type + " watermark with a " + o.type + " one");
    }
    return ((Comparable) value).compareTo(o.value);
  }

  /** Equal when of the same type family and equal value; decimals compare by value, not scale. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Watermark w && w.type.id() == type.id() && compareTo(w) == 0;
  }

  @Override
  public int hashCode() {
    return value instanceof BigDecimal d ? d.stripTrailingZeros().hashCode() : value.hashCode();
  }

  @Override
  public String toString() {
    return toText();
  }
}
