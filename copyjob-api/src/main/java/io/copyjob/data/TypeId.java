package io.copyjob.data;

/**
 * The closed set of logical types that travel between connectors.
 *
 * <p>Each identifier has exactly one Java form, used by {@link ColumnVector#getObject(int)} and by
 * conversions; vectors store the primitive form where one exists so the hot path never boxes.
 */
public enum TypeId {
  /** {@code boolean}; stored in a {@link BooleanVector}. */
  BOOLEAN,
  /** 8-bit signed integer; stored as {@code long} in a {@link LongVector}. */
  INT8,
  /** 16-bit signed integer; stored as {@code long} in a {@link LongVector}. */
  INT16,
  /** 32-bit signed integer; stored as {@code long} in a {@link LongVector}. */
  INT32,
  /** 64-bit signed integer; stored in a {@link LongVector}. */
  INT64,
  /** IEEE 754 single precision; stored as {@code double} in a {@link DoubleVector}. */
  FLOAT32,
  /** IEEE 754 double precision; stored in a {@link DoubleVector}. */
  FLOAT64,
  /** Exact decimal with precision and scale; Java form {@link java.math.BigDecimal}. */
  DECIMAL,
  /** Unicode text, optionally with a maximum length; Java form {@link String}. */
  STRING,
  /** Bytes; Java form {@code byte[]}. */
  BINARY,
  /** A UUID; Java form {@link java.util.UUID}. */
  UUID,
  /** A JSON document as text; Java form {@link String}. */
  JSON,
  /** A calendar date; stored as epoch day in a {@link LongVector}, Java form {@link java.time.LocalDate}. */
  DATE,
  /** A time of day with fractional-second precision; stored as nanosecond of day in a {@link LongVector}, Java form {@link java.time.LocalTime}. */
  TIME,
  /** A date and time without zone; stored in a {@link TimestampVector}, Java form {@link java.time.LocalDateTime}. */
  TIMESTAMP,
  /** An instant (a date and time with zone, normalised to UTC); stored in a {@link TimestampVector}, Java form {@link java.time.Instant}. */
  TIMESTAMP_TZ,
  /** A list of one element type; Java form {@link java.util.List}. */
  LIST,
  /** A map from key type to value type; Java form {@link java.util.Map}. */
  MAP,
  /** A record of named fields; Java form {@link java.util.List} of field values in field order. */
  STRUCT
}
