package io.copyjob.storage.delta;

import io.copyjob.data.LogicalType;
import io.copyjob.spi.Watermark;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Values as Kernel literals: watermarks and key ranges become predicates for Kernel's data skipping, row values
 * become partition values.
 */
final class DeltaLiterals {
  private DeltaLiterals() {
  }

  /** {@code column > lower}, or empty when the column's type has no literal form Kernel compares. */
  static Optional<Predicate> above(String column, LogicalType columnType, Watermark lower) {
    return literal(columnType, lower.value()).map(l -> new Predicate(">", new Column(column), l));
  }

  /** The literal of a value in its Java form, or empty when Kernel has no literal for the type. */
  static Optional<Literal> literal(LogicalType type, Object v) {
    switch (type.id()) {
      case BOOLEAN: return Optional.of(Literal.ofBoolean((Boolean) v));
      case FLOAT32: return Optional.of(Literal.ofFloat(((Number) v).floatValue()));
      case FLOAT64: return Optional.of(Literal.ofDouble(((Number) v).doubleValue()));
      case INT8: return Optional.of(Literal.ofByte(((Number) v).byteValue()));
      case INT16: return Optional.of(Literal.ofShort(((Number) v).shortValue()));
      case INT32: return Optional.of(Literal.ofInt(((Number) v).intValue()));
      case INT64: return Optional.of(Literal.ofLong(((Number) v).longValue()));
      case DECIMAL: {
        BigDecimal d = (BigDecimal) v;
        if (d.scale() > type.scale() || d.precision() - d.scale() > type.precision() - type.scale()) {
          return Optional.empty();
        }
        return Optional.of(Literal.ofDecimal(d.setScale(type.scale()), type.precision(), type.scale()));
      }
      case DATE: return v instanceof LocalDate d ? Optional.of(Literal.ofDate((int) d.toEpochDay())) : Optional.empty();
      case TIMESTAMP:
        return v instanceof LocalDateTime t ? Optional.of(Literal.ofTimestampNtz(micros(t.toInstant(ZoneOffset.UTC))))
            : Optional.empty();
      case TIMESTAMP_TZ:
        return v instanceof Instant i ? Optional.of(Literal.ofTimestamp(micros(i))) : Optional.empty();
      case STRING: case JSON: return v instanceof String s ? Optional.of(Literal.ofString(s)) : Optional.empty();
      case UUID: return Optional.of(Literal.ofString(v.toString()));
      default: return Optional.empty();
    }
  }

  /** Micros, rounded down: {@code > floor(w)} keeps every file that may hold a value above {@code w}. */
  private static long micros(Instant i) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, i.truncatedTo(ChronoUnit.MICROS));
  }
}
