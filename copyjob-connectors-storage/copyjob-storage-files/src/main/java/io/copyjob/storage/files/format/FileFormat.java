package io.copyjob.storage.files.format;

import io.copyjob.data.Schema;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.util.List;

/**
 * A file format (CSV, JSON Lines, Parquet) configured with its options: reads the schema of a file, reads
 * its rows as batches, writes batches into a new file. Instances are immutable and shared by threads.
 *
 * <p>All methods report problems as {@link io.copyjob.CopyJobException}: {@code BAD_INPUT} with the file and
 * line for unreadable input, {@code STORE_ERROR} for I/O failures.
 */
public interface FileFormat {

  /** The option value that selects this format: {@code csv}, {@code jsonl}, {@code parquet}. */
  String name();

  /** The extension of files this format writes, without the dot. */
  String extension();

  /** The columns of {@code file} as this format reads them. */
  Schema readSchema(FileStore store, FileInfo file);

  /**
   * Opens a reader of {@code file} that returns batches with exactly {@code columns} (a subset of
   * {@code datasetSchema}, in any order).
   *
   * @param datasetSchema the schema the dataset was described with; a file whose own schema differs is an error
   * @param batchRows     most rows per batch; readers may cut batches earlier to bound their bytes
   */
  FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows);

  /**
   * Cuts {@code file} into parts that readers can read in parallel, each of about {@code targetBytes}: byte
   * ranges of uncompressed text files, groups of row groups of Parquet files. The default is the whole file.
   *
   * @param targetBytes the wished size of a part; {@link Long#MAX_VALUE} for whole files
   */
  default List<FilePart> split(FileStore store, FileInfo file, long targetBytes) {
    return List.of(FilePart.whole(file));
  }

  /**
   * Opens a reader of one part of a file, as {@link #split} cut it; see
   * {@link #openReader(FileStore, FileInfo, Schema, Schema, int)}. The default reads whole files only.
   */
  default FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows) {
    if (!part.isWhole()) {
      throw new UnsupportedOperationException(name() + " files are read whole");
    }
    return openReader(store, part.file(), datasetSchema, columns, batchRows);
  }

  /**
   * Opens a reader of one part of a file that hands rows it cannot load to {@code rejects} (when not null) and
   * skips them, instead of failing the read. The default ignores {@code rejects}: such a format fails at the
   * first row it cannot read, as before.
   *
   * @param rejects the job's rejected rows ({@link io.copyjob.spi.ReadRequest#rejects()}); null for none
   */
  default FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows, RowRejects rejects) {
    return openReader(store, part, datasetSchema, columns, batchRows);
  }

  /**
   * Whether this format applies the connector's declared columns (the {@code columns} option) itself, as CSV
   * and JSON Lines do (field numbers, JSON paths). For any other format the connector reads the file's own
   * columns matched by name and converts them ({@link io.copyjob.storage.files.format.declared.ByNameReader}).
   */
  default boolean readsDeclaredColumns() {
    return false;
  }

  /**
   * Checks that every column of {@code schema} can be written in this format and throws
   * {@link io.copyjob.CopyJobException} with {@code UNSUPPORTED_CONVERSION} naming the column if not.
   */
  void checkWritable(Schema schema);

  /** The schema that {@link #readSchema} returns for a file written with {@code written}. */
  Schema readBackSchema(Schema written);

  /** Starts writing rows of {@code schema} into {@code file}; {@code displayName} names the file in errors. */
  FormatWriter openWriter(PendingFile file, String displayName, Schema schema);
}
