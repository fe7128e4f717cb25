package io.copyjob.storage.files;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.SplitReader;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.RowSpan;
import java.util.function.Consumer;

/**
 * Reads one file split through its format, dropping rows at or below the watermark and the extra incremental
 * column read only to filter on. Without a filter, batches pass through untouched. At the end of a byte range it
 * hands the range's {@link RowSpan} to a check (see {@link RangeLedger}), which may fail the read.
 */
final class FileSplitReader implements SplitReader {
  private final FormatReader reader;
  private final Schema columns;
  private final WatermarkFilter filter;
  private final int watermarkIndex;
  private final String file;
  private final Consumer<RowSpan> onEnd;
  private boolean ended;

  FileSplitReader(FormatReader reader, Schema columns, WatermarkFilter filter, int watermarkIndex, String file,
      Consumer<RowSpan> onEnd) {
    this.reader = reader;
    this.onEnd = onEnd;
    this.columns = columns;
    this.filter = filter;
    this.watermarkIndex = watermarkIndex;
    this.file = file;
  }

  @Override
  public RecordBatch next() {
    while (true) {
      RecordBatch in = reader.next();
      if (in == null) {
        end();
        return null;
      }
      if (filter == null) {
        return in;
      }
      RecordBatch out = filter(in);
      if (out.rowCount() > 0) {
        return out;
      }
    }
  }

  private void end() {
    if (!ended) {
      ended = true;
      reader.rowSpan().ifPresent(onEnd);
    }
  }

  private RecordBatch filter(RecordBatch in) {
    ColumnVector mark = in.column(watermarkIndex);
    int n = in.rowCount();
    boolean[] keep = new boolean[n];
    int kept = 0;
    for (int r = 0; r < n; r++) {
      keep[r] = filter.keep(mark, r, file);
      kept += keep[r] ? 1 : 0;
    }
    if (kept == n && in.columnCount() == columns.size()) {
      return in;
    }
    RecordBatch out = RecordBatch.allocate(columns, Math.max(1, kept));
    for (int c = 0; c < columns.size(); c++) {
      ColumnVector from = in.column(c);
      ColumnVector to = out.column(c);
      int row = 0;
      for (int r = 0; r < n; r++) {
        if (keep[r]) {
          to.copyFrom(from, r, row++);
        }
      }
    }
    out.setRowCount(kept);
    return out;
  }

  @Override
  public long bytesRead() {
    return reader.bytesRead();
  }

  @Override
  public void close() {
    reader.close();
  }
}
