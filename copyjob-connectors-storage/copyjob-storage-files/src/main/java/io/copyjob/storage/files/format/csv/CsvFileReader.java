package io.copyjob.storage.files.format.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.CountingInputStream;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CSV file into batches of STRING columns. The header (or the first record, without a header)
 * fixes the field count; every later record must have that many fields.
 */
final class CsvFileReader implements FormatReader {
  private final String file;
  private final CountingInputStream input;
  private final CsvReader<CsvFieldHandler> csv;
  private final CloseableIterator<CsvFieldHandler> records;
  private final CsvFieldHandler handler;
  private final Schema fileSchema;
  private CsvFieldHandler pending;
  private Schema columns;
  private int[] sourceIndex;
  private BatchSizer sizer;
  private boolean done;

  /** Opens the file and reads its header (or first record); {@link #project} must follow before {@link #next}. */
  CsvFileReader(FileStore store, FileInfo info, CsvSettings settings) {
    this.file = store.displayName(info.path());
    try {
      this.input = new CountingInputStream(store.openRead(info.path()));
    } catch (IOException e) {
      throw FileErrors.storeError(file, "open the file", e);
    }
    this.handler = new CsvFieldHandler();
    this.csv = CsvReader.builder()
        .fieldSeparator(settings.delimiter())
        .quoteCharacter(settings.quote())
        .skipEmptyLines(false)
        .detectBomHeader(true)
        .allowUnclosedQuote(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(handler, input, StandardCharsets.UTF_8);
    this.records = csv.iterator();
    try {
      CsvFieldHandler first = advance();
      while (first != null && first.isEmptyLine()) {
        first = advance();
      }
      if (first == null) {
        fileSchema = settings.header() ? Schema.of() : CsvTypeMapping.unnamed(0);
      } else if (settings.header()) {
        List<String> names = new ArrayList<>(first.count());
        for (int i = 0; i < first.count(); i++) {
          names.add(first.field(i));
        }
        fileSchema = CsvTypeMapping.fromHeader(names, file);
      } else {
        fileSchema = CsvTypeMapping.unnamed(first.count());
        pending = first;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The columns named by the header. */
  Schema fileSchema() {
    return fileSchema;
  }

  /** Chooses the columns batches hold; each must be a column of the file. */
  void project(Schema wanted, int batchRows) {
    this.columns = wanted;
    this.sourceIndex = new int[wanted.size()];
    boolean[] needed = new boolean[fileSchema.size()];
    for (int i = 0; i < wanted.size(); i++) {
      int idx = fileSchema.indexOf(wanted.field(i).name());
      if (idx < 0) {
        throw FileErrors.schemaMismatch(file, "the file has no column '" + wanted.field(i).name() + "'; its header is "
            + fileSchema.names());
      }
      sourceIndex[i] = idx;
      needed[idx] = true;
    }
    // Only affects records parsed from now on; a pending first record of a headerless file is complete.
    handler.want(needed);
    this.sizer = new BatchSizer(batchRows);
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, sizer.maxRows());
    int rows = 0;
    int expected = fileSchema.size();
    while (true) {
      CsvFieldHandler r;
      if (pending != null) {
        r = pending;
        pending = null;
      } else {
        r = advance();
      }
      if (r == null) {
        done = true;
        break;
      }
      int count = r.count();
      if (r.isEmptyLine()) {
        if (expected != 1) {
          continue;
        }
        count = 1; // in a one-column file an empty line is a NULL value
      } else if (count != expected) {
        throw FileErrors.badInput(file, r.line(), "the row has " + count + " fields but the "
            + (expected == 0 ? "file has no columns" : "header has " + expected), null);
      }
      for (int c = 0; c < sourceIndex.length; c++) {
        ObjectVector v = batch.objects(c);
        String value = r.isEmptyLine() ? null : r.field(sourceIndex[c]);
        if (value == null) {
          v.setNull(rows);
        } else {
          v.set(rows, value);
        }
      }
      rows++;
      if (sizer.isFull(batch, rows)) {
        break;
      }
    }
    if (rows == 0) {
      return null;
    }
    batch.setRowCount(rows);
    return batch;
  }

  private CsvFieldHandler advance() {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (CsvParseException e) {
      throw FileErrors.badInput(file, lineOf(e), "not valid CSV: " + rootMessage(e), e);
    } catch (UncheckedIOException e) {
      throw FileErrors.storeError(file, "read the file", e.getCause());
    }
  }

  // FastCSV puts the starting line of the broken record in its message ("... starting in line 3"); the
  // handler still holds the line of the record it began.
  private long lineOf(CsvParseException e) {
    String m = e.getMessage();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+)").matcher(m == null ? "" : m);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : handler.line();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public long bytesRead() {
    return input.count();
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException | RuntimeException e) {
      // Closing a read-only stream loses nothing; the read itself reported any real failure.
    }
  }
}
