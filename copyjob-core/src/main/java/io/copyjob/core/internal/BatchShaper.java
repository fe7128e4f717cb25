package io.copyjob.core.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.TextValues;
import java.util.function.UnaryOperator;

/**
 * Turns a batch as read into a batch as written: drops the columns read only for the watermark or the row key,
 * and converts the columns the job converts. Columns that pass through are shared, not copied.
 */
final class BatchShaper {
  private final TablePlan plan;
  private final String job;
  private final UnaryOperator<Object>[] converters;

  @SuppressWarnings("unchecked")
  BatchShaper(String job, TablePlan plan) {
    this.job = job;
    this.plan = plan;
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
    for (int i = 0; i < out.length; i++) {
      ColumnVector source = in.column(plan.writeSourceIndex()[i]);
      out[i] = converters[i] == null ? source : convert(i, source, in, rows, split, rowOffset);
    }
    return RecordBatch.of(plan.writeSchema(), out, rows);
  }

  private ColumnVector convert(int column, ColumnVector source, RecordBatch in, int rows, String split, long rowOffset) {
    LogicalType to = plan.conversions()[column];
    ColumnVector out = ColumnVector.allocate(to, Math.max(rows, 1));
    UnaryOperator<Object> converter = converters[column];
    for (int r = 0; r < rows; r++) {
      if (source.isNull(r)) {
        out.setNull(r);
        continue;
      }
      Object value = source.getObject(r);
      try {
        out.setObject(r, converter.apply(value));
      } catch (RuntimeException e) {
        String shown = value instanceof byte[] ? "binary value" : "'" + TextValues.abbreviate(String.valueOf(value)) + "'";
        throw CopyJobException.builder(ErrorCode.CONVERSION_FAILED, "cannot convert " + shown + " to " + to
                + (e.getMessage() == null ? "" : ": " + e.getMessage()))
            .job(job).table(plan.sourceName())
            .column(plan.readColumns().field(plan.writeSourceIndex()[column]).name())
            .location(rowKey(in, r, split, rowOffset)).cause(e).build();
      }
    }
    return out;
  }

  /** {@code row id=42} where the table has a key, else {@code row 17 of <split>}. */
  private String rowKey(RecordBatch in, int row, String split, long rowOffset) {
    int[] keys = plan.keyIndexes();
    if (keys.length == 0) {
      return "row " + (rowOffset + row + 1) + " of " + split;
    }
    StringBuilder sb = new StringBuilder("row ");
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(plan.readColumns().field(keys[i]).name()).append('=')
          .append(in.column(keys[i]).getObject(row));
    }
    return sb.toString();
  }
}
