package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import java.util.List;

/**
 * What writers need to report a failure well: the destination's name, the row-key columns of the batches and
 * the error translator.
 */
record WriteContext(String table, int[] rowKeyIndexes, PostgresErrors errors) {

  static WriteContext of(String table, Schema schema, List<String> rowKey, PostgresErrors errors) {
    int[] keys = rowKey.stream().mapToInt(schema::indexOf).filter(i -> i >= 0).toArray();
    return new WriteContext(table, keys.length == rowKey.size() ? keys : new int[0], errors);
  }

  /** A value of {@code column} in {@code row} of {@code batch} could not be written. */
  CopyJobException badValue(BadValueException e, RecordBatch batch, int row, int column, long rowsBefore) {
    return CopyJobException.builder(ErrorCode.CONVERSION_FAILED, e.getMessage())
        .table(table)
        .column(batch.schema().field(column).name())
        .location(rowLocation(batch, row, rowsBefore))
        .build();
  }

  /** {@code row id=42} when the batch has the key columns, else the row's number in this write. */
  String rowLocation(RecordBatch batch, int row, long rowsBefore) {
    String key = rowKey(batch, row);
    return key == null ? "row " + (rowsBefore + row + 1) + " of the write" : "row " + key;
  }

  /** {@code id=42, region=eu}, or null when the batch lacks the key columns. */
  String rowKey(RecordBatch batch, int row) {
    if (rowKeyIndexes.length == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rowKeyIndexes.length; i++) {
      int k = rowKeyIndexes[i];
      sb.append(i == 0 ? "" : ", ").append(batch.schema().field(k).name()).append('=').append(batch.column(k).getObject(row));
    }
    return sb.toString();
  }
}
