package io.copyjob.storage.files.store;

import io.copyjob.storage.files.store.local.LocalFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A local store, for {@code stuck:} locations, that cannot delete files whose name contains {@code stuck}: it
 * stands in for an object store refusing a delete, which a test cannot make a local file system do as root.
 */
public final class StuckDeletesFileStoreProvider implements FileStoreProvider {

  @Override
  public boolean supports(URI location) {
    return "stuck".equals(location.getScheme());
  }

  @Override
  public FileStore open(URI location, Map<String, String> options) {
    LocalFileStore local = new LocalFileStore(Path.of(location.getSchemeSpecificPart()));
    return new FileStore() {
      @Override
      public URI location() {
        return location;
      }

      @Override
      public List<FileInfo> list(String folder) throws IOException {
        return local.list(folder);
      }

      @Override
      public InputStream openRead(String path) throws IOException {
        return local.openRead(path);
      }

      @Override
      public RandomAccessInput openRandomAccess(String path) throws IOException {
        return local.openRandomAccess(path);
      }

      @Override
      public PendingFile create(String path) throws IOException {
        return local.create(path);
      }

      @Override
      public boolean delete(String path) throws IOException {
        if (path.contains("stuck")) {
          throw new IOException("refused to delete " + path);
        }
        return local.delete(path);
      }

      @Override
      public boolean exists(String path) throws IOException {
        return local.exists(path);
      }
    };
  }
}
