package io.copyjob.data;

import java.util.Arrays;

/**
 * One column of a {@link RecordBatch}: values of one {@link LogicalType} in row order, plus a null flag per row.
 *
 * <p>Subclasses store primitive arrays where the type allows, so readers and writers on the hot path use
 * the typed accessors ({@link LongVector#get(int)}, ...) and never box. {@link #getObject(int)} and
 * {@link #setObject(int, Object)} use the type's Java form (see {@link TypeId}) and are for slow paths and tests.
 *
 * <p>A vector is filled by one thread and handed on; it is not thread-safe.
 */
public abstract class ColumnVector {
  private final LogicalType type;
  private final boolean[] nulls;
  private boolean hasNulls;

  protected ColumnVector(LogicalType type, int capacity) {
    this.type = type;
    this.nulls = new boolean[capacity];
  }

  /** Allocates an empty vector of {@code capacity} rows for values of {@code type}. */
  public static ColumnVector allocate(LogicalType type, int capacity) {
    switch (type.id()) {
      case BOOLEAN:
        return new BooleanVector(type, capacity);
      case INT8: case INT16: case INT32: case INT64: case DATE: case TIME:
        return new LongVector(type, capacity);
      case FLOAT32: case FLOAT64:
        return new DoubleVector(type, capacity);
      case TIMESTAMP: case TIMESTAMP_TZ:
        return new TimestampVector(type, capacity);
      default:
        return new ObjectVector(type, capacity);
    }
  }

  public final LogicalType type() { return type; }

  /** Number of rows this vector can hold. */
  public final int capacity() { return nulls.length; }

  public final boolean isNull(int row) { return nulls[row]; }

  /** False when no row was ever set to NULL, which lets writers skip the per-row check. */
  public final boolean mayHaveNulls() { return hasNulls; }

  public final void setNull(int row) {
    nulls[row] = true;
    hasNulls = true;
    clearValue(row);
  }

  /** Marks {@code row} as not null; typed setters call this. */
  protected final void markSet(int row) {
    nulls[row] = false;
  }

  /** Resets every row to NULL-free and empty so the vector can be filled again. */
  public void reset() {
    if (hasNulls) {
      Arrays.fill(nulls, false);
      hasNulls = false;
    }
  }

  /** Releases the value in {@code row} when it is set to NULL (object vectors drop the reference). */
  protected void clearValue(int row) {
  }

  /** The value of {@code row} in its Java form, or null. Boxes: not for the hot path. */
  public abstract Object getObject(int row);

  /** Sets {@code row} from the type's Java form; null sets NULL. Not for the hot path. */
  public abstract void setObject(int row, Object value);

  /** Estimated heap bytes of the first {@code rows} values, used to bound batches by memory. */
  public abstract long estimatedBytes(int rows);

  /** Copies {@code row} of {@code from}, a vector of the same class, into {@code toRow} of this vector. */
  public abstract void copyFrom(ColumnVector from, int row, int toRow);
}
