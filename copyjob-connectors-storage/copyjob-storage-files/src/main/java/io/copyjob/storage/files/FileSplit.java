package io.copyjob.storage.files;

import io.copyjob.spi.Split;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.store.FileInfo;

/** One whole file of a dataset: the unit of parallel reading (byte ranges of large files may come later). */
final class FileSplit implements Split {
  private final FileInfo file;
  private final FileFormat format;
  private final String displayName;

  FileSplit(FileInfo file, FileFormat format, String displayName) {
    this.file = file;
    this.format = format;
    this.displayName = displayName;
  }

  FileInfo file() {
    return file;
  }

  FileFormat format() {
    return format;
  }

  @Override
  public String describe() {
    return displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
