package io.copyjob.storage.files.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A file in a {@link FileStore}: its path relative to the store's location, its size and when it last changed.
 *
 * @param path         relative path with {@code /} separators, never starting with {@code /}
 * @param size         size in bytes
 * @param lastModified last modification time as the store reports it
 */
public record FileInfo(String path, long size, Instant lastModified) {

  /** Checks the path and that the size is not negative. */
  public FileInfo {
    StorePaths.check(path);
    Objects.requireNonNull(lastModified, "lastModified");
    if (size < 0) {
      throw new IllegalArgumentException("negative size " + size + " of " + path);
    }
  }

  /** The last segment of the path: the file's own name. */
  public String name() {
    return StorePaths.name(path);
  }
}
