package io.copyjob.storage.files.format.declared;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.store.FileStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a file of any format that has its own typed columns (Parquet, ORC, ...) into declared columns: each
 * declared column takes the file's column of the same name, matched case-insensitively; one the file lacks is
 * NULL (or its default). Values of another type are converted as COPY INTO converts them
 * ({@link VectorConversions}): extra decimal and fraction digits are truncated, a value that does not fit is a
 * rejected row naming the column (row numbers count from 1 per file). Values of the declared type pass through
 * untouched.
 */
public final class ByNameReader implements FormatReader {
  private final FormatReader in;
  private final String file;
  private final Schema columns;
  private final int[] source;
  private final ValueParser[] parsers;
  private final VectorConversions.Conversion[] conversions;
  private final RowRejects rejects;
  private final int batchRows;
  private long rowNumber;

  private ByNameReader(FormatReader in, String file, Schema columns, int[] source, ValueParser[] parsers,
      VectorConversions.Conversion[] conversions, RowRejects rejects, int batchRows) {
    this.in = in;
    this.file = file;
    this.columns = columns;
    this.source = source;
    this.parsers = parsers;
    this.conversions = conversions;
    this.rejects = rejects;
    this.batchRows = batchRows;
  }

  /**
   * Opens {@code part} through {@code format}, reading the file's columns that {@code wanted} (declared
   * columns) name.
   *
   * @param rejects where rows whose values do not convert go; null to fail at the first
   */
  public static ByNameReader open(FileFormat format, FileStore store, FilePart part, DeclaredColumns declared,
      Schema wanted, int batchRows, RowRejects rejects) {
    String file = store.displayName(part.file().path());
    Schema fileSchema = format.readSchema(store, part.file());
    List<Field> read = new ArrayList<>();
    int n = wanted.size();
    int[] source = new int[n];
    ValueParser[] parsers = new ValueParser[n];
    VectorConversions.Conversion[] conversions = new VectorConversions.Conversion[n];
    for (int i = 0; i < n; i++) {
      DeclaredColumn column = declared.column(wanted.field(i).name());
      parsers[i] = ValueParsers.forColumn(column, DateOrder.YMD);
      Field match = find(fileSchema, column.name());
      if (match == null) {
        source[i] = -1;
        continue;
      }
      int at = indexOf(read, match.name());
      if (at < 0) {
        at = read.size();
        read.add(match);
      }
      source[i] = at;
      conversions[i] = VectorConversions.of(match.type(), parsers[i]);
    }
    FormatReader in = format.openReader(store, part, fileSchema, Schema.of(read), batchRows, null);
    return new ByNameReader(in, file, wanted, source, parsers, conversions, rejects, batchRows);
  }

  private static Field find(Schema schema, String name) {
    for (Field f : schema.fields()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  private static int indexOf(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public RecordBatch next() {
    while (true) {
      RecordBatch batch = in.next();
      if (batch == null) {
        return null;
      }
      int rows = batch.rowCount();
      RecordBatch out = RecordBatch.allocate(columns, Math.max(1, Math.min(rows, Math.max(batchRows, rows))));
      int kept = 0;
      for (int r = 0; r < rows; r++) {
        rowNumber++;
        if (convert(batch, r, out, kept)) {
          kept++;
        }
      }
      if (kept > 0) {
        out.setRowCount(kept);
        return out;
      }
    }
  }

  private boolean convert(RecordBatch batch, int r, RecordBatch out, int row) {
    int c = 0;
    try {
      for (; c < source.length; c++) {
        ColumnVector to = out.column(c);
        if (source[c] < 0) {
          parsers[c].setNull(to, row);
          continue;
        }
        ColumnVector from = batch.column(source[c]);
        if (from.isNull(r)) {
          parsers[c].setNull(to, row);
        } else {
          conversions[c].apply(from, r, to, row);
        }
      }
      return true;
    } catch (BadValue e) {
      Rejections.conversion(rejects, file, "file " + file + " row " + rowNumber, rowNumber, columns.field(c).name(),
          e);
      return false;
    }
  }

  @Override
  public long bytesRead() {
    return in.bytesRead();
  }

  @Override
  public Optional<io.copyjob.storage.files.format.RowSpan> rowSpan() {
    return in.rowSpan();
  }

  @Override
  public void close() {
    in.close();
  }
}
