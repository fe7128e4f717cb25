package io.copyjob.data;

/**
 * A bounded set of rows in columnar form: a {@link Schema}, a row count and one {@link ColumnVector} per field.
 *
 * <p>A source fills a batch (typed setters on its vectors, then {@link #setRowCount(int)}) and hands it to the
 * engine, which passes it to one writer; it belongs to one thread at a time. Batches are bounded by rows
 * ({@link #capacity()}) and by bytes ({@link #estimatedBytes()}), so memory stays flat whatever the table size.
 */
public final class RecordBatch {
  /** Rows per batch used by connectors when the job does not say otherwise. */
  public static final int DEFAULT_CAPACITY = 4096;
  /** Estimated bytes after which a reader should close a batch early, whatever its row count. */
  public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;

  private final Schema schema;
  private final ColumnVector[] columns;
  private final int capacity;
  private int rowCount;

  private RecordBatch(Schema schema, ColumnVector[] columns, int capacity) {
    this.schema = schema;
    this.columns = columns;
    this.capacity = capacity;
  }

  /** An empty batch of {@code capacity} rows with one vector per field of {@code schema}. */
  public static RecordBatch allocate(Schema schema, int capacity) {
    ColumnVector[] columns = new ColumnVector[schema.size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = ColumnVector.allocate(schema.field(i).type(), capacity);
    }
    return new RecordBatch(schema, columns, capacity);
  }

  /** A batch over existing vectors, e.g. after a conversion replaced some of them. */
  public static RecordBatch of(Schema schema, ColumnVector[] columns, int rowCount) {
    if (columns.length != schema.size()) {
      throw new IllegalArgumentException("schema has " + schema.size() + " fields but " + columns.length + " vectors given");
    }
    int capacity = columns.length == 0 ? rowCount : columns[0].capacity();
    RecordBatch batch = new RecordBatch(schema, columns.clone(), capacity);
    batch.setRowCount(rowCount);
    return batch;
  }

  public Schema schema() { return schema; }

  public int rowCount() { return rowCount; }

  public int capacity() { return capacity; }

  public boolean isFull() { return rowCount >= capacity; }

  /** Declares how many rows, from row 0, hold values. */
  public void setRowCount(int rowCount) {
    if (rowCount < 0 || rowCount > capacity) {
      throw new IllegalArgumentException("row count " + rowCount + " outside 0.." + capacity);
    }
    this.rowCount = rowCount;
  }

  public int columnCount() { return columns.length; }

  public ColumnVector column(int index) { return columns[index]; }

  public LongVector longs(int index) { return (LongVector) columns[index]; }

  public DoubleVector doubles(int index) { return (DoubleVector) columns[index]; }

  public BooleanVector booleans(int index) { return (BooleanVector) columns[index]; }

  public TimestampVector timestamps(int index) { return (TimestampVector) columns[index]; }

  public ObjectVector objects(int index) { return (ObjectVector) columns[index]; }

  /** Estimated heap bytes of the rows held. */
  public long estimatedBytes() {
    long sum = 0;
    for (ColumnVector c : columns) {
      sum += c.estimatedBytes(rowCount);
    }
    return sum;
  }

  /** Empties the batch so a reader can fill it again. */
  public void reset() {
    for (ColumnVector c : columns) {
      c.reset();
    }
    rowCount = 0;
  }
}
