package io.copyjob.storage.files.format.csv;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.data.TextValues;
import io.copyjob.storage.files.format.compress.Codecs;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes batches as RFC 4180 CSV in UTF-8 with CRLF line ends, through a compressor when one is configured. A NULL is an empty unquoted field, an empty
 * string a quoted {@code ""}; fields with the delimiter, the quote or a line break are quoted.
 */
final class CsvFileWriter implements FormatWriter {
  private final String file;
  private final CsvWriter csv;
  private final TextValues.Encoder[] encoders;
  private final String[] fields;
  private long rows;
  private boolean closed;

  CsvFileWriter(PendingFile target, String file, Schema schema, CsvSettings settings, Compression compression) {
    this.file = file;
    java.io.OutputStream out;
    try {
      out = Codecs.encoding(compression, target.stream());
    } catch (IOException e) {
      throw FileErrors.storeError(file, "start the file", e);
    }
    this.encoders = CsvTypeMapping.encoders(schema);
    this.fields = new String[schema.size()];
    this.csv = CsvWriter.builder()
        .fieldSeparator(settings.delimiterChar())
        .quoteCharacter(settings.quote())
        .quoteStrategy(QuoteStrategies.EMPTY)
        .lineDelimiter(LineDelimiter.CRLF)
        .build(out, StandardCharsets.UTF_8);
    if (settings.header()) {
      run(() -> csv.writeRecord(schema.names()));
    }
  }

  @Override
  public void write(RecordBatch batch, int from, int to) {
    int columns = fields.length;
    for (int r = from; r < to; r++) {
      for (int c = 0; c < columns; c++) {
        ColumnVector v = batch.column(c);
        fields[c] = v.isNull(r) ? null : encoders[c].encode(v, r);
      }
      run(() -> csv.writeRecord(fields));
    }
    rows += to - from;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Flushes the CSV writer's buffer into the pending file (or its compressor); see {@link FormatWriter}. */
  @Override
  public long estimatedBytes() {
    try {
      csv.flush();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
    return -1;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      csv.close();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    }
  }

  private void run(Runnable write) {
    try {
      write.run();
    } catch (UncheckedIOException e) {
      throw FileErrors.storeError(file, "write the file", e.getCause());
    }
  }
}
