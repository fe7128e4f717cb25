package io.copyjob.sql.jdbc;

import io.copyjob.data.RecordBatch;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;

/**
 * Hands a row the table refused to the job's {@link RowRejects}, named by its key ({@code id=42}) when the batches
 * carry the key columns, else by its number in the write, with its values.
 */
public final class RowRejecter {
  private final String table;
  private final RowKey key;
  private final RowRejects rejects;

  public RowRejecter(String table, RowKey key, RowRejects rejects) {
    this.table = table;
    this.key = key;
    this.rejects = rejects;
  }

  /**
   * Rejects row {@code row} of {@code batch}, the write having seen {@code rowsBefore} rows before this batch.
   *
   * @param column the column the database named, or null
   * @param reason the database's reason, already scrubbed of secrets
   */
  public void reject(RecordBatch batch, int row, long rowsBefore, String column, String reason) {
    RejectedRow.Builder b = RejectedRow.builder(table, reason).column(column).values(RejectedRow.valuesOf(batch, row));
    String k = key.format(batch, row);
    if (k != null) {
      b.rowKey(k);
    } else {
      b.line(rowsBefore + row + 1);
    }
    rejects.reject(b.build());
  }
}
