package io.copyjob.data;

/** FLOAT32 and FLOAT64 values, stored as {@code double}. */
public final class DoubleVector extends ColumnVector {
  private final double[] values;

  DoubleVector(LogicalType type, int capacity) {
    super(type, capacity);
    this.values = new double[capacity];
  }

  public double get(int row) { return values[row]; }

  public void set(int row, double value) {
    values[row] = value;
    markSet(row);
  }

  @Override
  public Object getObject(int row) {
    if (isNull(row)) {
      return null;
    }
    return type().id() == TypeId.FLOAT32 ? (Object) (float) values[row] : (Object) values[row];
  }

  @Override
  public void setObject(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else {
      set(row, ((Number) value).doubleValue());
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
      set(toRow, ((DoubleVector) from).values[row]);
    }
  }
}
