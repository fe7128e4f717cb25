package io.copyjob.data;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Values held as objects in their Java form: DECIMAL ({@link BigDecimal}), STRING and JSON ({@link String}),
 * BINARY ({@code byte[]}), UUID ({@link java.util.UUID}), LIST, MAP and STRUCT.
 *
 * <p>Tracks the estimated heap size of what it holds so that readers can cut batches by bytes.
 */
public final class ObjectVector extends ColumnVector {
  private final Object[] values;
  private long bytes;

  ObjectVector(LogicalType type, int capacity) {
    super(type, capacity);
    this.values = new Object[capacity];
  }

  public Object get(int row) { return values[row]; }

  public String getString(int row) { return (String) values[row]; }

  public BigDecimal getDecimal(int row) { return (BigDecimal) values[row]; }

  public byte[] getBytes(int row) { return (byte[]) values[row]; }

  /** Sets a non-null value of this vector's Java form. */
  public void set(int row, Object value) {
    values[row] = value;
    bytes += sizeOf(value);
    markSet(row);
  }

  @Override
  protected void clearValue(int row) {
    values[row] = null;
  }

  @Override
  public void reset() {
    super.reset();
    Arrays.fill(values, null);
    bytes = 0;
  }

  @Override
  public Object getObject(int row) {
    return values[row];
  }

  @Override
  public void setObject(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else {
      set(row, value);
    }
  }

  @Override
  public long estimatedBytes(int rows) {
    return bytes + 8L * rows;
  }

  @Override
  public void copyFrom(ColumnVector from, int row, int toRow) {
    if (from.isNull(row)) {
      setNull(toRow);
    } else {
      set(toRow, ((ObjectVector) from).values[row]);
    }
  }

  private static long sizeOf(Object value) {
    if (value instanceof String s) {
      return 40L + s.length();
    }
    if (value instanceof byte[] b) {
      return 16L + b.length;
    }
    return 48L;
  }
}
