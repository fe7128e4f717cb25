package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.BlockMetaData;

/**
 * Parquet through parquet-java, with {@link ParquetTypeMapping} for types. Writing needs no Hadoop at run
 * time. Reading goes through {@code ParquetFileReader}, which may need {@code hadoop-client-api}; when it is
 * missing the reader fails with a message saying so.
 */
public final class ParquetFormat implements FileFormat {
  /** The row group size files are written with unless told otherwise: 128 MiB, parquet-java's default. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 128L * 1024 * 1024;

  private final ParquetCompression compression;
  private final long rowGroupBytes;

  /** Parquet written with {@code compression}; reading accepts any codec in {@link HadoopFreeCodecFactory}. */
  public ParquetFormat(ParquetCompression compression) {
    this(compression, DEFAULT_ROW_GROUP_BYTES);
  }

  /**
   * Parquet written with {@code compression} in row groups of about {@code rowGroupBytes} (checked by
   * parquet-java every hundred rows or more, so small sizes are approximate).
   */
  public ParquetFormat(ParquetCompression compression, long rowGroupBytes) {
    if (rowGroupBytes < 1) {
      throw new IllegalArgumentException("row group size must be positive, got " + rowGroupBytes);
    }
    this.compression = compression;
    this.rowGroupBytes = rowGroupBytes;
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
    return openReader(store, FilePart.whole(file), datasetSchema, columns, batchRows);
  }

  /**
   * Groups of consecutive row groups of about {@code targetBytes} (compressed) each, for a file larger than
   * that; a part covers the row groups that start in its byte range. Reads the footer.
   */
  @Override
  public List<FilePart> split(FileStore store, FileInfo file, long targetBytes) {
    if (file.size() <= targetBytes) {
      return List.of(FilePart.whole(file));
    }
    List<BlockMetaData> blocks = new ArrayList<>(ParquetFooter.readMetadata(store, file).getBlocks());
    blocks.sort(Comparator.comparingLong(BlockMetaData::getStartingPos));
    List<Long> starts = new ArrayList<>();
    long inGroup = 0;
    for (int i = 0; i < blocks.size(); i++) {
      if (i == 0 || inGroup >= targetBytes) {
        starts.add(i == 0 ? 0 : blocks.get(i).getStartingPos());
        inGroup = 0;
      }
      inGroup += blocks.get(i).getCompressedSize();
    }
    if (starts.size() <= 1) {
      return List.of(FilePart.whole(file));
    }
    List<FilePart> parts = new ArrayList<>(starts.size());
    for (int i = 0; i < starts.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1) : file.size();
      parts.add(new FilePart(file, starts.get(i), end, i, starts.size()));
    }
    return parts;
  }

  @Override
  public FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows) {
    FileInfo file = part.file();
    ParquetBatchReader reader = new ParquetBatchReader(store, part);
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
  public ParquetFileWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new ParquetFileWriter(file, displayName, schema, compression, rowGroupBytes);
  }
}
