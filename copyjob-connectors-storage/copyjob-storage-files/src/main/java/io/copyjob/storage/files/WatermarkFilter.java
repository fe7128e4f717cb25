package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.TypeId;
import io.copyjob.spi.Watermark;
import io.copyjob.data.TextValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the rows whose incremental column is strictly greater than the saved watermark. Files cannot be
 * queried by value, so the source reads everything and drops the rest here.
 *
 * <p>Values compare in the watermark's type: a STRING or JSON column (every CSV and JSON Lines column) is
 * parsed as that type ({@code 2024-01-02T03:04:05.123456}, a number...), unless the watermark itself is
 * STRING. Integers and decimals compare by value; a TIMESTAMP compares with a TIMESTAMP_TZ as if in UTC. A
 * NULL never passes: it is not greater than anything.
 */
final class WatermarkFilter {
  private final String column;
  private final LogicalType columnType;
  private final Watermark lower;
  private final boolean parseText;

  WatermarkFilter(String column, LogicalType columnType, Watermark lower) {
    this.column = column;
    this.columnType = columnType;
    this.lower = lower;
    boolean textColumn = columnType.id() == TypeId.STRING || columnType.id() == TypeId.JSON;
    this.parseText = textColumn && lower.type().id() != TypeId.STRING;
  }

  /** Whether row {@code row} of {@code v}, a vector of the incremental column, is above the watermark. */
  boolean keep(ColumnVector v, int row, String file) {
    if (v.isNull(row)) {
      return false;
    }
    Object value = v.getObject(row);
    if (parseText) {
      try {
        value = TextValues.parse(lower.type(), (String) value);
      } catch (IllegalArgumentException e) {
        throw CopyJobException.builder(ErrorCode.CONVERSION_FAILED, "the incremental column holds '" + value
            + "', which is not a " + lower.type() + " like the saved watermark " + lower.toText())
            .column(column).location("file " + file).cause(e).build();
      }
    } else if (lower.type().id() == TypeId.STRING && !(value instanceof String)) {
      value = TextValues.toText(columnType, value);
    }
    return compare(value, lower.value()) > 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private int compare(Object v, Object w) {
    if (v instanceof Long a && w instanceof Long b) {
      return Long.compare(a, b);
    }
    if (v instanceof Number a && w instanceof Number b) {
      return decimal(a).compareTo(decimal(b));
    }
    if (v instanceof LocalDateTime a && w instanceof Instant b) {
      return a.toInstant(ZoneOffset.UTC).compareTo(b);
    }
    if (v instanceof Instant a && w instanceof LocalDateTime b) {
      return a.compareTo(b.toInstant(ZoneOffset.UTC));
    }
    if (v instanceof LocalDate a && w instanceof LocalDateTime b) {
      return a.atStartOfDay().compareTo(b);
    }
    if (v instanceof LocalDateTime a && w instanceof LocalDate b) {
      return a.compareTo(b.atStartOfDay());
    }
    if (v.getClass() == w.getClass() && v instanceof Comparable c) {
      return c.compareTo(w);
    }
    throw CopyJobException.builder(ErrorCode.UNSUPPORTED_CONVERSION, "cannot compare the incremental column of type "
        + columnType + " with a " + lower.type() + " watermark").column(column).build();
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return BigDecimal.valueOf(n.longValue());
  }
}
