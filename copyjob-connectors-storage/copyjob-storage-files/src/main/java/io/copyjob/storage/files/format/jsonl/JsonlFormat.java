package io.copyjob.storage.files.format.jsonl;

import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;

/**
 * JSON Lines (one JSON object per line, UTF-8) through Jackson's streaming parser and generator. See
 * {@link JsonlTypeMapping} for how values are written and read.
 */
public final class JsonlFormat implements FileFormat {

  @Override
  public String name() {
    return "jsonl";
  }

  @Override
  public String extension() {
    return "jsonl";
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    try (JsonlFileReader reader = new JsonlFileReader(store, file)) {
      return JsonlTypeMapping.fromKeys(reader.sampleKeys(JsonlTypeMapping.SAMPLE_LINES));
    }
  }

  /**
   * Opens a reader. Keys missing from a line read as NULL; a key outside {@code datasetSchema} is an error
   * naming the file and line, so no value is ever dropped silently.
   */
  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    JsonlFileReader reader = new JsonlFileReader(store, file);
    reader.project(datasetSchema, columns, batchRows);
    return reader;
  }

  @Override
  public void checkWritable(Schema schema) {
    JsonlTypeMapping.check(schema);
  }

  @Override
  public Schema readBackSchema(Schema written) {
    return JsonlTypeMapping.readBack(written);
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new JsonlFileWriter(file, displayName, schema);
  }
}
