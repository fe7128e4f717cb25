package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.TextValues;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;
import java.util.function.UnaryOperator;

/**
 * Turns a batch as read into a batch as written: drops the columns read only for the watermark or the row key,
 * and converts the columns the job converts. Columns that pass through are shared, not copied.
 */
final class BatchShaper {
  private final TablePlan plan;
  private final String job;
  private final UnaryOperator<Object>[] converters;
  private final RowRejects rejects;

  /** {@code rejects}: where rows whose values do not convert go when the job allows rejects; null fails on them. */
  @SuppressWarnings("unchecked")
  BatchShaper(String job, TablePlan plan, RowRejects rejects) {
    this.job = job;
    this.plan = plan;
    this.rejects = rejects;
    this.converters = new UnaryOperator[plan.conversions().length];
    for (int i = 0; i < converters.length; i++) {
      LogicalType to = plan.conversions()[i];
      if (to != null) {
        LogicalType from = plan.readColumns().field(plan.writeSourceIndex()[i]).type();
        converters[i] = Conversions.between(from, to).orElseThrow();
      }
    }
  }

  /** The written form of {@code in}; {@code split} names the split in errors about rows without a key. */
  RecordBatch shape(RecordBatch in, String split, long rowOffset) {
    int rows = in.rowCount();
    ColumnVector[] out = new ColumnVector[converters.length];
    boolean[] rejected = null;
    for (int i = 0; i < out.length; i++) {
      ColumnVector source = in.column(plan.writeSourceIndex()[i]);
      if (converters[i] != null) {
        if (rejects != null && rejected == null) {
          rejected = new boolean[rows];
        }
        out[i] = convert(i, source, in, rows, split, rowOffset, rejected);
      } else {
        out[i] = source;
      }
    }
    RecordBatch shaped = RecordBatch.of(plan.writeSchema(), out, rows);
    return rejected == null ? shaped : withoutRows(shaped, rejected);
  }

  /** {@code batch} without the rows marked in {@code drop}; the batch itself when none is. Rare: may box. */
  private static RecordBatch withoutRows(RecordBatch batch, boolean[] drop) {
    int kept = 0;
    for (boolean d : drop) {
      kept += d ? 0 : 1;
    }
    if (kept == drop.length) {
      return batch;
    }
    RecordBatch out = RecordBatch.allocate(batch.schema(), Math.max(kept, 1));
    for (int c = 0; c < batch.columnCount(); c++) {
      ColumnVector from = batch.column(c);
      ColumnVector to = out.column(c);
      int row = 0;
      for (int r = 0; r < drop.length; r++) {
        if (!drop[r]) {
          to.copyFrom(from, r, row++);
        }
      }
    }
    out.setRowCount(kept);
    return out;
  }

  private ColumnVector convert(int column, ColumnVector source, RecordBatch in, int rows, String split,
      long rowOffset, boolean[] rejected) {
    LogicalType to = plan.conversions()[column];
    ColumnVector out = ColumnVector.allocate(to, Math.max(rows, 1));
    UnaryOperator<Object> converter = converters[column];
    for (int r = 0; r < rows; r++) {
      if (source.isNull(r) || rejected != null && rejected[r]) {
        out.setNull(r);
        continue;
      }
      Object value = source.getObject(r);
      try {
        out.setObject(r, converter.apply(value));
      } catch (RuntimeException e) {
        String shown = value instanceof byte[] ? "binary value" : "'" + TextValues.abbreviate(String.valueOf(value)) + "'";
        // The codec's own "not a INT32: 'x'" only repeats what this message says; other details add to it.
        String detail = e.getMessage() == null || e.getMessage().startsWith("not a ") ? "" : ": " + e.getMessage();
        String reason = "cannot convert " + shown + " to " + to + detail;
        String columnName = plan.readColumns().field(plan.writeSourceIndex()[column]).name();
        if (rejected != null) {
          rejects.reject(RejectedRow.builder(split, reason).line(plan.keyIndexes().length == 0 ? rowOffset + r + 1 : 0)
              .rowKey(plan.keyIndexes().length == 0 ? null : keyText(in, r)).column(columnName)
              .values(RejectedRow.valuesOf(in, r)).build());
          rejected[r] = true;
          out.setNull(r);
          continue;
        }
        throw CopyJobException.builder(ErrorCode.CONVERSION_FAILED, reason)
            .job(job).table(plan.sourceName()).column(columnName)
            .location(rowKey(in, r, split, rowOffset)).cause(e).build();
      }
    }
    return out;
  }

  /** {@code row id=42} where the table has a key, else {@code row 17 of <split>}. */
  private String rowKey(RecordBatch in, int row, String split, long rowOffset) {
    if (plan.keyIndexes().length == 0) {
      return "row " + (rowOffset + row + 1) + " of " + split;
    }
    return "row " + keyText(in, row);
  }

  /** {@code id=42, region=eu}. */
  private String keyText(RecordBatch in, int row) {
    int[] keys = plan.keyIndexes();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(plan.readColumns().field(keys[i]).name()).append('=')
          .append(in.column(keys[i]).getObject(row));
    }
    return sb.toString();
  }
}
