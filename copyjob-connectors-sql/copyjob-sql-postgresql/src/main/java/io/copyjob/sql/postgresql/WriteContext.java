package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.RowKey;
import java.util.List;

/**
 * What writers need to report a failure well: the destination's name, the row-key columns of the batches and
 * the error translator.
 */
record WriteContext(String table, RowKey key, PostgresErrors errors) {

  static WriteContext of(String table, Schema schema, List<String> rowKey, PostgresErrors errors) {
    return new WriteContext(table, RowKey.of(schema, rowKey), errors);
  }

  /** A value of {@code column} in {@code row} of {@code batch} could not be written. */
  CopyJobException badValue(BadValueException e, RecordBatch batch, int row, int column, long rowsBefore) {
    return badValue(e.getMessage(), batch, row, batch.schema().field(column).name(), rowsBefore);
  }

  /** A value of {@code column} in {@code row} of {@code batch} could not be written, for {@code reason}. */
  CopyJobException badValue(String reason, RecordBatch batch, int row, String column, long rowsBefore) {
    return CopyJobException.builder(ErrorCode.CONVERSION_FAILED, reason)
        .table(table)
        .column(column)
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
    return key.format(batch, row);
  }
}
