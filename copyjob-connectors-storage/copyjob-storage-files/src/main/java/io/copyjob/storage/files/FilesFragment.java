package io.copyjob.storage.files;

import io.copyjob.spi.Fragment;
import io.copyjob.storage.files.store.PendingFile;
import java.util.List;

/** The files one writer wrote, still pending: the transaction publishes them on commit. */
final class FilesFragment implements Fragment {
  private final List<PendingFile> files;
  private final long rows;
  private final long bytes;

  FilesFragment(List<PendingFile> files, long rows, long bytes) {
    this.files = List.copyOf(files);
    this.rows = rows;
    this.bytes = bytes;
  }

  List<PendingFile> files() {
    return files;
  }

  @Override
  public long rows() {
    return rows;
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return files.size() + " file(s), " + rows + " rows, " + bytes + " bytes";
  }
}
