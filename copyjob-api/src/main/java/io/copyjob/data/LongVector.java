package io.copyjob.data;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Values of the integer types, DATE (as epoch day) and TIME (as nanosecond of day), stored as {@code long}.
 */
public final class LongVector extends ColumnVector {
  private final long[] values;

  LongVector(LogicalType type, int capacity) {
    super(type, capacity);
    this.values = new long[capacity];
  }

  public long get(int row) { return values[row]; }

  public void set(int row, long value) {
    values[row] = value;
    markSet(row);
  }

  @Override
  public Object getObject(int row) {
    if (isNull(row)) {
      return null;
    }
    long v = values[row];
    switch (type().id()) {
      case DATE: return LocalDate.ofEpochDay(v);
      case TIME: return LocalTime.ofNanoOfDay(v);
      case INT8: return (byte) v;
      case INT16: return (short) v;
      case INT32: return (int) v;
      default: return v;
    }
  }

  @Override
  public void setObject(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else if (value instanceof LocalDate d) {
      set(row, d.toEpochDay());
    } else if (value instanceof LocalTime t) {
      set(row, t.toNanoOfDay());
    } else {
      set(row, ((Number) value).longValue());
    }
  }

  @Override
  public long estimatedBytes(int rows) {
    return 9L * rows;
  }

  @Override
  public void copyFrom(ColumnVector from, int row, int toRow) {
    if (from.isNull(row)) {
      setNull(toRow);
    } else {
      set(toRow, ((LongVector) from).values[row]);
    }
  }
}
