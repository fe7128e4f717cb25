package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import java.util.List;
import java.util.Optional;

/**
 * Writes datasets as files of one format into their folders (see {@link DatasetLayout}). Supports APPEND (new
 * files next to the existing ones) and OVERWRITE (new files, then the old ones removed); see
 * {@link FilesWriteTransaction} for what readers may see while a commit runs. A run without rows writes no file.
 */
final class FilesSink implements SinkConnector {
  private final FilesOptions options;
  private final DatasetLayout layout;
  private final FileFormat format;

  FilesSink(FilesOptions options, FileStore store) {
    this.options = options;
    this.layout = new DatasetLayout(store, options);
    this.format = options.sinkFormat();
  }

  /** The schema of the folder's first data file, as the configured format reads it; empty when it has none. */
  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    List<FileInfo> files = layout.visibleFiles(DatasetLayout.folder(id));
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DatasetInfo.of(id, format.readSchema(layout.store(), files.get(0)), List.of()));
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(id.toString()).build();
    }
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    DatasetId target = request.target();
    WriteStrategy.Kind kind = request.strategy().kind();
    if (kind != WriteStrategy.Kind.APPEND && kind != WriteStrategy.Kind.OVERWRITE) {
      throw CopyJobException.builder(ErrorCode.UNSUPPORTED_WRITE_STRATEGY, "the files connector cannot " + kind
          + ": files have no keys to update rows by; use append or overwrite").table(target.toString()).build();
    }
    try {
      format.checkWritable(request.schema());
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(target.toString()).build();
    }
    String folder = DatasetLayout.folder(target);
    Optional<DatasetInfo> existing = describe(target);
    if (existing.isEmpty() && request.creation() == TableCreation.MUST_EXIST) {
      throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "the folder " + layout.store().displayName(folder)
          + " holds no data files, and the job asks for an existing destination").table(target.toString()).build();
    }
    if (existing.isPresent() && kind == WriteStrategy.Kind.APPEND) {
      Schema expected = format.readBackSchema(request.schema());
      if (!sameColumns(existing.get().schema(), expected)) {
        throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the folder's files have the columns "
            + existing.get().schema() + " but this run would append files with " + expected + "; readers would "
            + "then fail on the mix. Overwrite the dataset, or write to another one").table(target.toString()).build();
      }
    }
    return new FilesWriteTransaction(layout, format, options, request, folder);
  }

  private static boolean sameColumns(Schema a, Schema b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      Field x = a.field(i);
      Field y = b.field(i);
      if (!x.name().equals(y.name()) || !x.type().equals(y.type())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void checkConnection() {
    layout.visibleFiles("");
  }

  @Override
  public void close() {
    layout.store().close();
  }
}
