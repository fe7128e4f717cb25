package io.copyjob.storage.files.format.csv;

import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;

/**
 * CSV (RFC 4180, UTF-8) through FastCSV. See {@link CsvTypeMapping} for how values become text and back.
 */
public final class CsvFormat implements FileFormat {
  private final CsvSettings settings;

  /** CSV delimited and quoted as {@code settings} say. */
  public CsvFormat(CsvSettings settings) {
    this.settings = settings;
  }

  /** The delimiter, quote and header settings. */
  public CsvSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String extension() {
    return "csv";
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    try (CsvFileReader reader = new CsvFileReader(store, file, settings)) {
      return reader.fileSchema();
    }
  }

  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    CsvFileReader reader = new CsvFileReader(store, file, settings);
    try {
      if (!reader.fileSchema().names().equals(datasetSchema.names())) {
        throw FileErrors.schemaMismatch(store.displayName(file.path()), "the file's columns " + reader.fileSchema().names()
            + " differ from the dataset's " + datasetSchema.names() + " (taken from its first file)");
      }
      reader.project(columns, batchRows);
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public void checkWritable(Schema schema) {
    CsvTypeMapping.encoders(schema);
  }

  @Override
  public Schema readBackSchema(Schema written) {
    return CsvTypeMapping.readBack(written, settings.header());
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new CsvFileWriter(file, displayName, schema, settings);
  }
}
