package io.copyjob.data;

/** BOOLEAN values. */
public final class BooleanVector extends ColumnVector {
  private final boolean[] values;

  BooleanVector(LogicalType type, int capacity) {
    super(type, capacity);
    this.values = new boolean[capacity];
  }

  public boolean get(int row) { return values[row]; }

  public void set(int row, boolean value) {
    values[row] = value;
    markSet(row);
  }

  @Override
  public Object getObject(int row) {
    return isNull(row) ? null : values[row];
  }

  @Override
  public void setObject(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else {
      set(row, (Boolean) value);
    }
  }

  @Override
  public long estimatedBytes(int rows) {
    return 2L * rows;
  }

  @Override
  public void copyFrom(ColumnVector from, int row, int toRow) {
    if (from.isNull(row)) {
      setNull(toRow);
    } else {
      set(toRow, ((BooleanVector) from).values[row]);
    }
  }
}
