package io.copyjob.storage.files.store.local;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStoreProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Opens {@link LocalFileStore}s for {@code file:} URIs (plain paths arrive as {@code file:} URIs). */
public final class LocalFileStoreProvider implements FileStoreProvider {

  @Override
  public boolean supports(URI location) {
    return location.getScheme() == null || "file".equalsIgnoreCase(location.getScheme());
  }

  @Override
  public FileStore open(URI location, Map<String, String> options) {
    Path root;
    try {
      root = location.getScheme() == null ? Path.of(location.getPath()) : Path.of(location);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option 'location' is not a local path: " + location)
          .cause(e).build();
    }
    return new LocalFileStore(root);
  }
}
