package io.copyjob.storage.files;

import io.copyjob.spi.Split;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;

/**
 * One unit of parallel reading: a whole file, a byte range of an uncompressed CSV or JSON Lines file, or a group
 * of Parquet row groups (see {@link FilePart}).
 */
final class FileSplit implements Split {
  private final FileStore store;
  private final FilePart part;
  private final FileFormat format;
  private final String fileName;

  FileSplit(FileStore store, FilePart part, FileFormat format, String fileName) {
    this.store = store;
    this.part = part;
    this.format = format;
    this.fileName = fileName;
  }

  FileStore store() {
    return store;
  }

  FileInfo file() {
    return part.file();
  }

  FilePart part() {
    return part;
  }

  FileFormat format() {
    return format;
  }

  /** The file's display name, without the range. */
  String fileName() {
    return fileName;
  }

  @Override
  public String describe() {
    return part.describe(fileName);
  }

  @Override
  public String toString() {
    return describe();
  }
}
