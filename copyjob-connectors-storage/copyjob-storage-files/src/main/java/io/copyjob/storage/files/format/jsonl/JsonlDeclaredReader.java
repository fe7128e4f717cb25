package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.copyjob.CopyJobException;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.BatchSizer;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.LineSplitter;
import io.copyjob.storage.files.format.LineIndex;
import io.copyjob.storage.files.format.RowRangeInputStream;
import io.copyjob.storage.files.format.RowSpan;
import io.copyjob.storage.files.format.TextInput;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.declared.BadValue;
import io.copyjob.storage.files.format.declared.DateOrder;
import io.copyjob.storage.files.format.declared.DeclaredColumn;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import io.copyjob.storage.files.format.declared.JsonPath;
import io.copyjob.storage.files.format.declared.ValueParser;
import io.copyjob.storage.files.format.declared.ValueParsers;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON Lines into declared columns (COPY INTO's column list with JSON paths), line by line: each line is
 * parsed on its own, its values taken at the columns' {@link JsonPath}s ({@link PathExtractor}) and parsed into
 * the declared types. A line that is not a JSON object, or whose value does not convert, is a rejected row with
 * its line number (from the start of the file) and exact bytes, or fails the read when the job allows none.
 * Keys no path names are ignored; blank lines are skipped.
 */
final class JsonlDeclaredReader implements FormatReader {
  private final String file;
  private final String fileName;
  private final TextInput input;
  private final LineSplitter lines;
  private final LineIndex linesBefore;
  private final Schema columns;
  private final PathExtractor paths;
  private final ValueParser[] parsers;
  private final String[] values;
  private final BatchSizer sizer;
  private final RowRejects rejects;
  private boolean done;

  JsonlDeclaredReader(FileStore store, FilePart part, Compression compression, DeclaredColumns declared,
      Schema wanted, int batchRows, RowRejects rejects, int maxLineBytes, LineIndex lineIndex) {
    this.fileName = store.displayName(part.file().path());
    this.file = part.describe(fileName);
    this.linesBefore = part.start() > 0 ? lineIndex : null;
    this.columns = wanted;
    this.rejects = rejects;
    this.sizer = new BatchSizer(batchRows);
    List<JsonPath> list = new ArrayList<>(wanted.size());
    this.parsers = new ValueParser[wanted.size()];
    for (int i = 0; i < wanted.size(); i++) {
      DeclaredColumn c = declared.column(wanted.field(i).name());
      list.add(c.path());
      parsers[i] = ValueParsers.forColumn(c, DateOrder.YMD);
    }
    this.paths = new PathExtractor(list);
    this.values = new String[wanted.size()];
    try {
      this.input = TextInput.open(store, part, compression.forFile(part.file().name()),
          RowRangeInputStream.Rows.LINES);
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
    this.lines = new LineSplitter(input.stream(), maxLineBytes, 1);
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, sizer.maxRows());
    int rows = 0;
    try {
      while (true) {
        if (!lines.next()) {
          done = true;
          break;
        }
        if (isBlank(lines.buffer(), lines.start(), lines.contentEnd())) {
          continue;
        }
        if (readLine(batch, rows)) {
          rows++;
          if (sizer.isFull(batch, rows)) {
            break;
          }
        }
      }
    } catch (IOException e) {
      throw FileErrors.readFailure(file, e);
    }
    if (rows == 0) {
      return null;
    }
    batch.setRowCount(rows);
    return batch;
  }

  /** Reads the current line into row {@code row}; false when it was rejected. */
  private boolean readLine(RecordBatch batch, int row) throws IOException {
    try (JsonParser parser = JsonText.FACTORY.createParser(lines.buffer(), lines.start(),
        lines.contentEnd() - lines.start())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return reject(null, "the line is not a JSON object", false);
      }
      paths.read(parser, values);
      if (parser.nextToken() != null) {
        return reject(null, "the line holds more than one JSON value", false);
      }
    } catch (JsonProcessingException e) {
      return reject(null, "not valid JSON: " + e.getOriginalMessage(), false);
    }
    int c = 0;
    try {
      for (; c < parsers.length; c++) {
        parsers[c].parse(values[c], batch.column(c), row);
      }
      return true;
    } catch (BadValue e) {
      return reject(columns.field(c).name(), e.getMessage(), !e.isMalformed());
    }
  }

  private boolean reject(String column, String reason, boolean conversion) throws IOException {
    long line = lines.line() + (linesBefore == null ? 0 : linesBefore.linesBefore(input.span().orElseThrow().first()));
    if (rejects == null) {
      CopyJobException e = conversion
          ? CopyJobException.builder(io.copyjob.ErrorCode.CONVERSION_FAILED, reason)
              .location("file " + file + " line " + line).build()
          : FileErrors.badInput(file, line, reason, null);
      throw column == null ? e : e.toBuilder().column(column).build();
    }
    rejects.reject(RejectedRow.builder(fileName, reason).line(line).column(column).raw(lines.raw()).build());
    return false;
  }

  private static boolean isBlank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
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
    input.close();
  }
}
