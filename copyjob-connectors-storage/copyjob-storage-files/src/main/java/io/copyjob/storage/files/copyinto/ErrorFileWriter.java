package io.copyjob.storage.files.copyinto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RejectedRowsLog;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code row.csv} and {@code error.json} of one load, opened at the first rejected row. */
final class ErrorFileWriter implements RejectedRowsLog.Writer {
  private static final JsonFactory JSON = new JsonFactory();

  private final String folder;
  private final Map<String, String> storeOptions;
  private final String dir;
  private FileStore store;
  private PendingFile rows;
  private PendingFile errors;
  private OutputStream rowOut;
  private JsonGenerator json;
  private boolean closed;

  ErrorFileWriter(String folder, Map<String, String> storeOptions, String dir) {
    this.folder = folder;
    this.storeOptions = storeOptions;
    this.dir = dir;
  }

  @Override
  public void write(RejectedRow row) {
    try {
      if (store == null) {
        start();
      }
      rowOut.write(row.raw().orElseGet(() -> csvLine(row)));
      json.writeStartObject();
      json.writeStringField("file", row.location());
      json.writeNumberField("line", row.line());
      json.writeStringField("column", row.column().orElse(null));
      json.writeStringField("reason", row.reason());
      if (row.rowKey().isPresent()) {
        json.writeStringField("rowKey", row.rowKey().get());
      }
      json.writeEndObject();
    } catch (IOException e) {
      abort();
      throw failure("cannot write the error file", e);
    }
  }

  private void start() throws IOException {
    store = FileStores.open(folder, storeOptions);
    try {
      rows = store.create(dir + "/row.csv");
      errors = store.create(dir + "/error.json");
      rowOut = new BufferedOutputStream(rows.stream(), 64 * 1024);
      json = JSON.createGenerator(new BufferedOutputStream(errors.stream(), 64 * 1024));
      json.setPrettyPrinter(new OnePerLine());
      json.writeStartArray();
    } catch (IOException | RuntimeException e) {
      abort();
      throw e;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (store == null) {
      return;
    }
    try {
      json.writeEndArray();
      json.writeRaw('\n');
      json.close();
      rowOut.close();
      rows.commit();
      errors.commit();
    } catch (IOException e) {
      abort();
      throw failure("cannot publish the error file", e);
    } finally {
      store.close();
    }
  }

  private void abort() {
    if (rows != null) {
      rows.abort();
    }
    if (errors != null) {
      errors.abort();
    }
  }

  private CopyJobException failure(String what, IOException e) {
    String where = store == null ? folder : store.displayName(dir);
    return CopyJobException.builder(ErrorCode.STORE_ERROR, what + " " + where + ": " + e.getMessage())
        .cause(e).build();
  }

  /**
   * A row without its original bytes (from Parquet, ORC, or refused by the destination) as one RFC 4180 line:
   * its values (NULL as an empty field, an empty string as {@code ""}), or, where the source gave none, its file,
   * row number and row key.
   */
  static byte[] csvLine(RejectedRow row) {
    StringBuilder line = new StringBuilder();
    List<String> fields = row.values().orElse(null);
    if (fields == null) {
      fields = Arrays.asList(row.location(), String.valueOf(row.line()), row.rowKey().orElse(null));
    }
    for (int i = 0; i < fields.size(); i++) {
      line.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
    }
    return line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String quote(String value) {
    if (value == null) {
      return "";
    }
    if (!value.isEmpty() && value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
      return value;
    }
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** {@code [}, one object per line, {@code ]}: easy to read and to grep. */
  private static final class OnePerLine extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
    }
  }
}
