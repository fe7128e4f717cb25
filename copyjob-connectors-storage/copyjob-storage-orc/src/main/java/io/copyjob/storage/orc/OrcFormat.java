package io.copyjob.storage.orc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.util.List;
import org.apache.orc.StripeInformation;

/**
 * ORC files, read through Apache ORC's reader over copyjob's file stores (any codec ORC reads: zlib, snappy,
 * zstd, lz4, lzo, brotli, none), with {@link OrcTypeMapping} for types. Large files are split into groups of
 * stripes; a 0-byte file (as Hive writes for an empty bucket) has no rows. Writing ORC is not supported.
 */
public final class OrcFormat implements FileFormat {

  @Override
  public String name() {
    return OrcFormatProvider.NAME;
  }

  @Override
  public String extension() {
    return OrcFormatProvider.NAME;
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    try (OrcFileReader reader = new OrcFileReader(store, file, store.displayName(file.path()))) {
      return reader.schema();
    }
  }

  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    return openReader(store, FilePart.whole(file), datasetSchema, columns, batchRows);
  }

  @Override
  public FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows) {
    return new OrcBatchReader(store, part, datasetSchema, columns, batchRows);
  }

  /**
   * Groups of consecutive stripes of about {@code targetBytes} each, for a file larger than that; a part covers
   * the stripes that start in its byte range (ORC's own range rule). Reads the file's tail.
   */
  @Override
  public List<FilePart> split(FileStore store, FileInfo file, long targetBytes) {
    if (file.size() <= targetBytes) {
      return List.of(FilePart.whole(file));
    }
    try (OrcFileReader reader = new OrcFileReader(store, file, store.displayName(file.path()))) {
      List<StripeInformation> stripes = reader.orc().getStripes();
      return FilePart.ofBlocks(file, stripes.stream().mapToLong(StripeInformation::getOffset).toArray(),
          stripes.stream().mapToLong(StripeInformation::getLength).toArray(), targetBytes);
    }
  }

  /** Always fails: copyjob reads ORC files but does not write them. */
  @Override
  public void checkWritable(Schema schema) {
    throw unsupportedWrite();
  }

  @Override
  public Schema readBackSchema(Schema written) {
    throw unsupportedWrite();
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    throw unsupportedWrite();
  }

  private static CopyJobException unsupportedWrite() {
    return CopyJobException.of(ErrorCode.UNSUPPORTED_CONVERSION, "copyjob reads ORC files but does not write "
        + "them; write Parquet (format=parquet) instead");
  }
}
