package io.copyjob.sql.jdbc;

import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import java.util.List;

/**
 * How a written row is named in errors and rejected-row logs: {@code id=42, region=eu} by the table's key columns,
 * when the batches carry all of them.
 */
public final class RowKey {
  private static final RowKey NONE = new RowKey(new int[0]);
  private final int[] indexes;

  private RowKey(int[] indexes) {
    this.indexes = indexes;
  }

  /** The key {@code columns} found in {@code schema}; none when any of them is missing (or there are none). */
  public static RowKey of(Schema schema, List<String> columns) {
    int[] found = columns.stream().mapToInt(schema::indexOf).filter(i -> i >= 0).toArray();
    return found.length == columns.size() && found.length > 0 ? new RowKey(found) : NONE;
  }

  /** {@code id=42, region=eu}, or null when the batches lack the key columns. */
  public String format(RecordBatch batch, int row) {
    if (indexes.length == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < indexes.length; i++) {
      int k = indexes[i];
      sb.append(i == 0 ? "" : ", ").append(batch.schema().field(k).name()).append('=')
          .append(batch.column(k).getObject(row));
    }
    return sb.toString();
  }
}
