package io.copyjob.storage.files.format.csv;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.LineIndex;
import io.copyjob.storage.files.format.RowRangeInputStream;
import io.copyjob.storage.files.format.RowSpan;
import io.copyjob.storage.files.format.TextInput;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.declared.BadValue;
import io.copyjob.storage.files.format.declared.DeclaredColumn;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import io.copyjob.storage.files.format.declared.JsonPath;
import io.copyjob.storage.files.format.declared.ValueParser;
import io.copyjob.storage.files.format.declared.ValueParsers;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one CSV file, or one byte range of it, through {@link CsvTokenizer} into batches, in one of two modes:
 *
 * <ul>
 *   <li>without declared columns, every column is STRING, named by the header (or {@code column1}...); each row
 *       must have as many fields as the header (or first row); an empty unquoted field is NULL, a quoted
 *       {@code ""} the empty string; empty lines are skipped (in a one-column file they are NULL);</li>
 *   <li>with {@link DeclaredColumns}, the values are parsed into the declared types ({@link ValueParsers}),
 *       taken from the declared field numbers; missing trailing fields are NULL and extra ones ignored unless
 *       {@link CsvSettings#matchColumnCount()}; empty lines are skipped.</li>
 * </ul>
 *
 * A row that cannot be loaded (malformed quoting, another field count, a value that does not convert) goes to
 * the job's {@link RowRejects} with its line and exact bytes when there is one, else fails the read naming file,
 * line and column. A range that does not start at 0 has no header: it takes the file's columns from the dataset.
 */
final class CsvFileReader implements FormatReader {
  private final String file;
  /** The file as shown to users, for rejected rows (lines count from the file start, even in a byte range). */
  private final String fileName;
  private final TextInput input;
  private final long rangeStart;
  private final LineIndex linesBefore;
  private final CsvSettings settings;
  private final DeclaredColumns declared;
  private final Utf16Input utf16;
  private final CsvTokenizer tokens;
  private final Schema fileSchema;
  private boolean pending;
  private Schema columns;
  private ValueParser[] parsers;
  private int[] fieldIndex;
  private int expectedFields;
  private BatchSizer sizer;
  private RowRejects rejects;
  private boolean done;

  /**
   * Opens a part of the file: skips the rows before {@link CsvSettings#firstRow()} and reads the header (or,
   * without one, looks at the first record); {@link #project} must follow before {@link #next}.
   *
   * @param fileColumns the file's columns for a part that does not start at 0 (ignored otherwise)
   * @param declared    the declared columns, or null to read STRING columns named by the header
   * @param lineIndex   for a part that does not start at 0: the lines before it, shared by the file's readers
   */
  CsvFileReader(FileStore store, FilePart part, CsvSettings settings, Compression compression, Schema fileColumns,
      DeclaredColumns declared, LineIndex lineIndex) {
    this.file = part.describe(store.displayName(part.file().path()));
    this.fileName = store.displayName(part.file().path());
    this.rangeStart = part.start();
    this.linesBefore = part.start() > 0 ? lineIndex : null;
    this.settings = settings;
    this.declared = declared;
    try {
      this.input = TextInput.open(store, part, compression.forFile(part.file().name()),
          RowRangeInputStream.Rows.csv(settings.quote(), settings.delimiter().charAt(0)));
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
    try {
      InputStream text = input.stream();
      this.utf16 = settings.encoding() == CsvEncoding.UTF16 ? Utf16Input.open(text) : null;
      this.tokens = new CsvTokenizer(utf16 != null ? utf16 : text,
          settings.delimiter().getBytes(StandardCharsets.UTF_8), (byte) settings.quote(),
          settings.rowTerminator() == null ? null : settings.rowTerminator().getBytes(StandardCharsets.UTF_8),
          settings.maxRowBytes(), 1);
      if (part.start() > 0) {
        this.fileSchema = declared != null ? declared.schema() : fileColumns;
        return;
      }
      if (utf16 == null) {
        tokens.skipBom();
      }
      tokens.skipRows(settings.firstRow() - 1);
      this.fileSchema = firstRows();
    } catch (IOException e) {
      close();
      throw failure(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private Schema firstRows() throws IOException {
    if (declared != null) {
      if (settings.header()) {
        tokens.next();
      }
      return declared.schema();
    }
    boolean any = tokens.next();
    while (any && tokens.isEmptyLine()) {
      any = tokens.next();
    }
    if (!any) {
      return settings.header() ? Schema.of() : CsvTypeMapping.unnamed(0);
    }
    if (tokens.error() != null) {
      throw FileErrors.badInput(file, tokens.line(), "not valid CSV: " + tokens.error(), null);
    }
    if (!settings.header()) {
      pending = true;
      return CsvTypeMapping.unnamed(tokens.count());
    }
    List<String> names = new ArrayList<>(tokens.count());
    for (int i = 0; i < tokens.count(); i++) {
      try {
        names.add(tokens.quoted(i) || tokens.unquotedLength(i) > 0 ? text(i) : null);
      } catch (BadValue e) {
        throw FileErrors.badInput(file, tokens.line(), "the header is not valid: " + e.getMessage(), null);
      }
    }
    return CsvTypeMapping.fromHeader(names, file);
  }

  private String text(int field) {
    byte[] b = tokens.unquoted(field);
    int start = tokens.unquotedStart(field);
    return new String(b, start, tokens.unquotedLength(field), StandardCharsets.UTF_8);
  }

  /** The file's columns: the declared ones, or those the header names. */
  Schema fileSchema() {
    return fileSchema;
  }

  /**
   * Chooses the columns batches hold, each a column of the file, and where rejected rows go.
   *
   * @param rejects the job's rejected rows; null to fail at the first row that cannot be loaded
   */
  void project(Schema wanted, int batchRows, RowRejects rejects) {
    this.columns = wanted;
    this.rejects = rejects;
    this.parsers = new ValueParser[wanted.size()];
    this.fieldIndex = new int[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      String name = wanted.field(i).name();
      DeclaredColumn column;
      if (declared != null) {
        column = declared.column(name);
      } else {
        int idx = fileSchema.indexOf(name);
        if (idx < 0) {
          throw FileErrors.schemaMismatch(file, "the file has no column '" + name + "'; its header is "
              + fileSchema.names());
        }
        column = new DeclaredColumn(name, LogicalType.string(), true, idx + 1, JsonPath.member(name), null);
      }
      parsers[i] = ValueParsers.forColumn(column, settings.dateOrder());
      fieldIndex[i] = column.field() - 1;
    }
    if (declared == null) {
      expectedFields = fileSchema.size();
    } else {
      expectedFields = settings.matchColumnCount() ? declared.columns().size() : -1;
    }
    this.sizer = new BatchSizer(batchRows);
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, sizer.maxRows());
    int rows = 0;
    boolean keepEmptyLines = declared == null && expectedFields == 1;
    try {
      while (true) {
        if (pending) {
          pending = false;
        } else if (!tokens.next()) {
          done = true;
          break;
        }
        if (tokens.isEmptyLine() && !keepEmptyLines) {
          continue;
        }
        if (tokens.error() != null) {
          reject(null, "not valid CSV: " + tokens.error(), false);
          continue;
        }
        int count = tokens.count();
        if (expectedFields >= 0 && count != expectedFields) {
          reject(null, "the row has " + count + " fields but " + (declared == null
              ? (expectedFields == 0 ? "the file has no columns" : "the header has " + expectedFields)
              : expectedFields + " columns are declared (csv.matchColumnCount)"), false);
          continue;
        }
        if (fill(batch, rows, count)) {
          rows++;
          if (sizer.isFull(batch, rows)) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw failure(e);
    }
    if (rows == 0) {
      return null;
    }
    batch.setRowCount(rows);
    return batch;
  }

  /** Parses the current record into row {@code row}; false when it was rejected. */
  private boolean fill(RecordBatch batch, int row, int count) {
    int c = 0;
    try {
      for (; c < parsers.length; c++) {
        int f = fieldIndex[c];
        if (f >= count) {
          parsers[c].setNull(batch.column(c), row);
        } else {
          parsers[c].parse(tokens.unquoted(f), tokens.unquotedStart(f), tokens.unquotedLength(f),
              !tokens.quoted(f), batch.column(c), row);
        }
      }
      return true;
    } catch (BadValue e) {
      reject(columns.field(c).name(), e.getMessage(), !e.isMalformed());
      return false;
    }
  }

  /** Hands the current record to the job's rejected rows, or fails the read when the job allows none. */
  private void reject(String column, String reason, boolean conversion) {
    long line = line(tokens.line());
    if (rejects == null) {
      if (conversion) {
        throw CopyJobException.builder(ErrorCode.CONVERSION_FAILED, reason).column(column)
            .location("file " + file + " line " + line).build();
      }
      CopyJobException e = badInput(line, reason, null);
      throw column == null ? e : e.toBuilder().column(column).build();
    }
    byte[] raw = tokens.raw();
    rejects.reject(RejectedRow.builder(fileName, reason).line(line).column(column)
        .raw(utf16 == null ? raw : utf16.encode(raw)).build());
  }

  /**
   * The line in the file of a line counted from where this reader began: a reader of a byte range counts the
   * lines before its first row once, when it first names a line.
   */
  private long line(long counted) {
    if (linesBefore == null) {
      return counted;
    }
    try {
      return linesBefore.linesBefore(input.span().orElseThrow().first()) + counted;
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
  }

  private CopyJobException failure(IOException e) {
    if (e instanceof CsvTokenizer.RowTooLong t) {
      return badInput(line(t.line), e.getMessage(), e);
    }
    if (e instanceof CharacterCodingException) {
      return FileErrors.badInput(file, 0, "not valid " + (utf16 == null ? "text" : utf16.charset().name())
          + " (csv.encoding): " + e, e);
    }
    return FileErrors.readFailure(file, e);
  }

  /** Bad input; in a range that starts mid-file, with a hint that the start may have been inside quotes. */
  private CopyJobException badInput(long line, String detail, Throwable cause) {
    if (rangeStart > 0) {
      detail += " (this reader's byte range begins at byte " + rangeStart + "; if quoted values in the file hold "
          + "line breaks, set csv.multiline=true to read each file whole)";
    }
    return FileErrors.badInput(file, line, detail, cause);
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
    if (input != null) {
      input.close();
    }
  }
}
