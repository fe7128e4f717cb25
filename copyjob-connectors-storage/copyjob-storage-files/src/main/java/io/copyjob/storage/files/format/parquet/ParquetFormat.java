package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.util.HashMap;
import java.util.Map;

/**
 * Parquet through parquet-java, with {@link ParquetTypeMapping} for types. Writing needs no Hadoop at run
 * time. Reading goes through {@code ParquetFileReader}, which may need {@code hadoop-client-api}; when it is
 * missing the reader fails with a message saying so.
 */
public final class ParquetFormat implements FileFormat {
  private final ParquetCompression compression;

  /** Parquet written with {@code compression}; reading accepts any codec in {@link HadoopFreeCodecFactory}. */
  public ParquetFormat(ParquetCompression compression) {
    this.compression = compression;
  }

  /** The codec files are written with. */
  public ParquetCompression compression() {
    return compression;
  }

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public String extension() {
    return "parquet";
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    return ParquetFooter.readSchema(store, file);
  }

  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    ParquetBatchReader reader = new ParquetBatchReader(store, file);
    try {
      if (!sameColumns(reader.fileSchema(), datasetSchema)) {
        throw FileErrors.schemaMismatch(store.displayName(file.path()), "the file's columns " + reader.fileSchema()
            + " differ from the dataset's " + datasetSchema + " (taken from its first file)");
      }
      reader.project(columns, batchRows);
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** Same names with the same types, in any order; nullability may differ between writers. */
  private static boolean sameColumns(Schema a, Schema b) {
    if (a.size() != b.size()) {
      return false;
    }
    Map<String, Object> types = new HashMap<>();
    for (Field f : a.fields()) {
      types.put(f.name(), f.type());
    }
    for (Field f : b.fields()) {
      if (!f.type().equals(types.get(f.name()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void checkWritable(Schema schema) {
    ParquetTypeMapping.toParquet(schema);
  }

  @Override
  public Schema readBackSchema(Schema written) {
    return written;
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new ParquetFileWriter(file, displayName, schema, compression);
  }
}
