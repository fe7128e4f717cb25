package io.copyjob.storage.files.location;

import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import java.util.Objects;

/**
 * A file a {@link FileSelector} selected: the store it is read through (opened on the location's
 * {@link LocationPattern#base()} or its parent), the file's path in that store, and the location that selected it.
 *
 * @param store    the store to read the file through; owned by the selector
 * @param file     the file, its path relative to the store
 * @param location the (first) location that selected it
 */
public record SelectedFile(FileStore store, FileInfo file, LocationPattern location) {

  /** Checks that nothing is null. */
  public SelectedFile {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(location, "location");
  }

  /** The file's name for messages and for telling files apart: e.g. {@code /data/in/a.csv}, {@code s3://b/in/a.csv}. */
  public String displayName() {
    return store.displayName(file.path());
  }
}
