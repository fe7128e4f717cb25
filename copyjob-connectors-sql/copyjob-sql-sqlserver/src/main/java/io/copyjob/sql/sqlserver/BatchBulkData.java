package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkData;
import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.TextValues;
import io.copyjob.data.TimestampVector;
import java.sql.Types;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link ISQLServerBulkData} over one {@link RecordBatch}: the driver pulls rows with {@link #next()} and
 * {@link #getRowData()}; one {@code Object[]} is reused for every row and values are read from the typed vectors.
 * Boxing of numbers is what the driver's API demands; temporal values are handed over as text
 * ({@code 2024-01-02 03:04:05.1234567}, {@code ... +00:00}), the form the driver parses for bulk data, cut to the
 * digits the destination keeps. Memory is one batch, whatever the table size. Not thread-safe; not serialized.
 */
public final class BatchBulkData implements ISQLServerBulkData {
  private static final long serialVersionUID = 1L;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  /** The staging table's ordinal column, last when the data carries ordinals. */
  private static final BulkColumn ORDINAL = new BulkColumn(SqlServerSql.ORDINAL, LogicalType.int64(), Types.BIGINT, 19, 0, 0);

  private final List<BulkColumn> columns;
  private final transient RecordBatch batch;
  private final transient Object[] row;
  /** The ordinal of the batch's first row; negative when the data carries no ordinals. */
  private final long firstOrdinal;
  /** The end (exclusive) of the rows handed out. */
  private final int to;
  private int current;

  public BatchBulkData(List<BulkColumn> columns, RecordBatch batch) {
    this(columns, batch, -1, 0, batch.rowCount());
  }

  private BatchBulkData(List<BulkColumn> columns, RecordBatch batch, long firstOrdinal, int from, int to) {
    if (from < 0 || to > batch.rowCount() || from > to) {
      throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of a batch of " + batch.rowCount());
    }
    this.columns = List.copyOf(columns);
    this.batch = batch;
    this.firstOrdinal = firstOrdinal;
    this.current = from - 1;
    this.to = to;
    this.row = new Object[columns.size() + (firstOrdinal < 0 ? 0 : 1)];
  }

  /** Rows {@code [from, to)} of {@code batch}: a part of it loaded alone, to find a row the table refuses. */
  public static BatchBulkData rows(List<BulkColumn> columns, RecordBatch batch, int from, int to) {
    return new BatchBulkData(columns, batch, -1, from, to);
  }

  /**
   * The rows of {@code batch} with one more column, {@link SqlServerSql#ORDINAL}, numbering them from
   * {@code firstOrdinal}: for an upsert's staging table, whose MERGE keeps the last row per key.
   */
  public static BatchBulkData withOrdinals(List<BulkColumn> columns, RecordBatch batch, long firstOrdinal) {
    if (firstOrdinal < 0) {
      throw new IllegalArgumentException("ordinals start at 0 or above, got " + firstOrdinal);
    }
    return new BatchBulkData(columns, batch, firstOrdinal, 0, batch.rowCount());
  }

  private BulkColumn column(int ordinal) {
    return ordinal > columns.size() ? ORDINAL : columns.get(ordinal - 1);
  }

  @Override
  public Set<Integer> getColumnOrdinals() {
    Set<Integer> s = new LinkedHashSet<>();
    for (int i = 1; i <= row.length; i++) {
      s.add(i);
    }
    return s;
  }

  @Override
  public String getColumnName(int column) { return column(column).name(); }

  @Override
  public int getColumnType(int column) { return column(column).jdbcType(); }

  @Override
  public int getPrecision(int column) { return column(column).precision(); }

  @Override
  public int getScale(int column) { return column(column).scale(); }

  @Override
  public boolean next() {
    if (current + 1 >= to) {
      return false;
    }
    current++;
    return true;
  }

  @Override
  public Object[] getRowData() {
    for (int i = 0; i < columns.size(); i++) {
      row[i] = value(i, current);
    }
    if (firstOrdinal >= 0) {
      row[columns.size()] = firstOrdinal + current;
    }
    return row;
  }

  /** The value the driver gets for column {@code i} of {@code r}. */
  Object value(int i, int r) {
    ColumnVector v = batch.column(i);
    if (v.isNull(r)) {
      return null;
    }
    BulkColumn c = columns.get(i);
    switch (c.type().id()) {
      case BOOLEAN: return ((BooleanVector) v).get(r);
      case INT8: case INT16: return (short) ((LongVector) v).get(r);
      case INT32: return (int) ((LongVector) v).get(r);
      case INT64: return ((LongVector) v).get(r);
      case FLOAT32: return (float) ((DoubleVector) v).get(r);
      case FLOAT64: return ((DoubleVector) v).get(r);
      case DATE: return LocalDate.ofEpochDay(((LongVector) v).get(r)).toString();
      case TIME: return time(((LongVector) v).get(r), c.keptFractionDigits());
      case TIMESTAMP: {
        TimestampVector t = (TimestampVector) v;
        return timestamp(t.epochSecond(r), t.nanoOfSecond(r), c);
      }
      case TIMESTAMP_TZ: {
        TimestampVector t = (TimestampVector) v;
        return timestamp(t.epochSecond(r), t.nanoOfSecond(r), c) + " +00:00";
      }
      case UUID: return ((ObjectVector) v).get(r).toString();
      case STRING: case JSON: case DECIMAL: case BINARY: return ((ObjectVector) v).get(r);
      default: return TextValues.toText(c.type(), v.getObject(r)); // LIST, MAP, STRUCT as JSON text
    }
  }

  /**
   * The text of a timestamp for column {@code c}, cut to what its destination keeps. A {@code datetime} keeps ticks
   * of 1/300 s, which the driver reads and writes as whole milliseconds (.003, .007, .010, ..., .997), rounding
   * any other millisecond to the nearest tick (.999 is the next second, at 23:59:59.999 the next day): the value
   * is cut to the last tick at or below its millisecond, so a datetime copied to a datetime stays the same. A
   * {@code smalldatetime} rounds to the minute (from 29.998 s up): the value is cut to its minute.
   */
  static String timestamp(long epochSecond, int nanoOfSecond, BulkColumn c) {
    if ("datetime".equals(c.destinationType())) {
      int millis = nanoOfSecond / 1_000_000;
      int tick = (3 * millis + 1) / 10;
      return timestamp(epochSecond, (10 * tick + 1) / 3 * 1_000_000, 3);
    }
    if ("smalldatetime".equals(c.destinationType())) {
      return timestamp(Math.floorDiv(epochSecond, 60L) * 60L, 0, 0);
    }
    return timestamp(epochSecond, nanoOfSecond, c.keptFractionDigits());
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.fffffff]} with {@code digits} fractional digits, truncated. */
  static String timestamp(long epochSecond, int nanoOfSecond, int digits) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    long secondOfDay = Math.floorMod(epochSecond, 86_400L);
    return LocalDate.ofEpochDay(day) + " " + time(secondOfDay * 1_000_000_000L + nanoOfSecond, digits);
  }

  /** {@code HH:mm:ss[.fffffff]} of a nanosecond of day with {@code digits} fractional digits, truncated. */
  static String time(long nanoOfDay, int digits) {
    long n = Math.floorMod(nanoOfDay, NANOS_PER_DAY);
    long seconds = n / 1_000_000_000L;
    int nanos = (int) (n % 1_000_000_000L);
    StringBuilder sb = new StringBuilder(16 + digits);
    two(sb, seconds / 3600).append(':');
    two(sb, (seconds / 60) % 60).append(':');
    two(sb, seconds % 60);
    if (digits > 0) {
      String f = Integer.toString(1_000_000_000 + nanos).substring(1, 1 + digits);
      sb.append('.').append(f);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, long v) {
    return sb.append(v < 10 ? "0" : "").append(v);
  }
}
