package io.copyjob.storage.files;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.SplitReader;
import io.copyjob.storage.files.format.FormatReader;

/**
 * Reads one file split through its format, dropping rows at or below the watermark and the extra incremental
 * column read only to filter on. Without a filter, batches pass through untouched.
 */
final class FileSplitReader implements SplitReader {
  private final FormatReader reader;
  private final Schema columns;
  private final WatermarkFilter filter;
  private final int watermarkIndex;
  private final String file;

  FileSplitReader(FormatReader reader, Schema columns, WatermarkFilter filter, int watermarkIndex, String file) {
    this.reader = reader;
    this.columns = columns;
    this.filter = filter;
    this.watermarkIndex = watermarkIndex;
    this.file = file;
  }

  @Override
  public RecordBatch next() {
    while (true) {
      RecordBatch in = reader.next();
      if (in == null || filter == null) {
        return in;
      }
      RecordBatch out = filter(in);
      if (out.rowCount() > 0) {
        return out;
      }
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
