package io.copyjob.storage.files.format.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.RowRangeInputStream;
import io.copyjob.storage.files.format.RowSpan;
import io.copyjob.storage.files.format.TextInput;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one CSV file, or one byte range of it, into batches of STRING columns. The header (or the first record,
 * without a header) fixes the field count; every later record must have that many fields. A range that does not
 * start at 0 has no header: it takes the file's columns from the dataset (the first range checks the header).
 */
final class CsvFileReader implements FormatReader {
  private final String file;
  private final TextInput input;
  private final long rangeStart;
  private final CsvReader<CsvFieldHandler> csv;
  private final CloseableIterator<CsvFieldHandler> records;
  private final CsvFieldHandler handler;
  private final Schema fileSchema;
  private CsvFieldHandler pending;
  private Schema columns;
  private int[] sourceIndex;
  private BatchSizer sizer;
  private boolean done;

  /**
   * Opens a part of the file and, for the part at its start, reads the header (or first record);
   * {@link #project} must follow before {@link #next}.
   *
   * @param fileColumns the file's columns for a part that does not start at 0 (ignored otherwise)
   */
  CsvFileReader(FileStore store, FilePart part, CsvSettings settings, Compression compression, Schema fileColumns) {
    this.file = part.describe(store.displayName(part.file().path()));
    this.rangeStart = part.start();
    try {
      this.input = TextInput.open(store, part, compression.forFile(part.file().name()),
          RowRangeInputStream.Rows.csv(settings.quote(), settings.delimiter()));
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
    this.handler = new CsvFieldHandler();
    this.csv = CsvReader.builder()
        .fieldSeparator(settings.delimiter())
        .quoteCharacter(settings.quote())
        .skipEmptyLines(false)
        .detectBomHeader(part.start() == 0)
        .allowUnclosedQuote(false)
        .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
        .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
        .build(handler, input.stream(), StandardCharsets.UTF_8);
    this.records = csv.iterator();
    if (part.start() > 0) {
      this.fileSchema = fileColumns;
      return;
    }
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
        throw badInput(r.line(), "the row has " + count + " fields but the "
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
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof IOException io) {
          throw FileErrors.readFailure(file, io);
        }
      }
      throw badInput(lineOf(e), "not valid CSV: " + rootMessage(e), e);
    } catch (UncheckedIOException e) {
      throw FileErrors.readFailure(file, e.getCause());
    }
  }

  /** Bad input; in a range that starts mid-file, with a hint that the start may have been inside quotes. */
  private RuntimeException badInput(long line, String detail, Throwable cause) {
    if (rangeStart > 0) {
      detail += " (line " + line + " counted from byte " + rangeStart + ", where this reader's byte range begins; "
          + "if quoted values in the file hold line breaks, set csv.multiline=true to read each file whole)";
    }
    return FileErrors.badInput(file, line, detail, cause);
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
    return input.bytesRead();
  }

  @Override
  public Optional<RowSpan> rowSpan() {
    return done ? input.span() : Optional.empty();
  }

  @Override
  public void close() {
    try {
      csv.close();
    } catch (IOException | RuntimeException e) {
      // Closing a read-only stream loses nothing; the read itself reported any real failure.
    }
    input.close();
  }
}
