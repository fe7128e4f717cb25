package io.copyjob.storage.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.models.DataLakeRequestConditions;
import com.azure.storage.file.datalake.models.FileRange;
import com.azure.storage.file.datalake.models.ListPathsOptions;
import com.azure.storage.file.datalake.models.PathItem;
import com.azure.storage.file.datalake.models.PathProperties;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link io.copyjob.storage.files.store.FileStore} over a file system (container) of Azure Data Lake Storage
 * Gen2, through its hierarchical namespace.
 *
 * <ul>
 *   <li>list: a recursive listing of the folder's directory, page by page; directories are not files</li>
 *   <li>read: ranged reads pinned to the file's ETag</li>
 *   <li>write: a hidden temporary file in the target's directory (parents are created with it), appended to in
 *       blocks of {@code azure.blockSizeBytes}, flushed and atomically renamed onto the target on commit</li>
 * </ul>
 */
public final class AdlsFileStore extends AzureFileStore {
  private final DataLakeFileSystemClient fileSystem;

  AdlsFileStore(AzureUri uri, AzureOptions options, DataLakeFileSystemClient fileSystem) {
    super(uri, options);
    this.fileSystem = fileSystem;
  }

  /** Opens a store on a parsed location; does not contact the service. */
  public static AdlsFileStore open(AzureUri uri, AzureOptions options) {
    return new AdlsFileStore(uri, options, AzureClients.fileSystem(uri, options));
  }

  @Override
  public List<FileInfo> list(String folder) throws IOException {
    String base = full(folder);
    ListPathsOptions request = new ListPathsOptions().setRecursive(true).setMaxResults(options.listPageSize());
    if (!base.isEmpty()) {
      request.setPath(base);
    }
    List<FileInfo> files = new ArrayList<>();
    try {
      for (PagedResponse<PathItem> page : fileSystem.listPaths(request, null).iterableByPage()) {
        countPage();
        for (PathItem item : page.getValue()) {
          if (item.isDirectory()) {
            continue;
          }
          String path = uri.storePath(item.getName());
          if (path != null) {
            files.add(new FileInfo(path, item.getContentLength(), item.getLastModified().toInstant()));
          }
        }
      }
    } catch (RuntimeException e) {
      if (AzureErrors.isNotFound(e)) {
        return new ArrayList<>();
      }
      throw errors.translate("list", displayName(folder), e);
    }
    return sorted(files);
  }

  @Override
  public RandomAccessInput openRandomAccess(String path) throws IOException {
    DataLakeFileClient file = fileSystem.getFileClient(fileName(path));
    String display = displayName(path);
    PathProperties properties;
    try {
      properties = file.getProperties();
    } catch (RuntimeException e) {
      throw errors.translate("open", display, e);
    }
    if (properties.isDirectory()) {
      throw new NoSuchFileException(display, null, "is a directory");
    }
    DataLakeRequestConditions sameVersion = new DataLakeRequestConditions().setIfMatch(properties.getETag());
    return new AzureRandomAccessInput(properties.getFileSize(), (position, length, target) -> {
      try {
        file.readWithResponse(target, new FileRange(position, (long) length), null, sameVersion, false, null,
            Context.NONE);
      } catch (RuntimeException e) {
        throw errors.translate("read", display, e);
      }
    });
  }

  @Override
  public PendingFile create(String path) throws IOException {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot create a file at the store's location itself");
    }
    return new AdlsPendingFile(path, displayName(path), options.blockSize(), fileSystem, fileName(path), errors);
  }

  @Override
  public boolean delete(String path) throws IOException {
    if (!exists(path)) {
      return false;
    }
    try {
      return fileSystem.getFileClient(fileName(path)).deleteIfExists();
    } catch (RuntimeException e) {
      throw errors.translate("delete", displayName(path), e);
    }
  }

  @Override
  public boolean exists(String path) throws IOException {
    return info(path).isPresent();
  }

  /**
   * The file at {@code path} with its size and time, from one request, or empty when there is none or it is a
   * directory. (Meant to override {@code FileStore.info} once the SPI has it.)
   */
  public Optional<FileInfo> info(String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try {
      PathProperties p = fileSystem.getFileClient(fileName(path)).getProperties();
      return p.isDirectory() ? Optional.empty()
          : Optional.of(new FileInfo(path, p.getFileSize(), p.getLastModified().toInstant()));
    } catch (RuntimeException e) {
      if (AzureErrors.isNotFound(e)) {
        return Optional.empty();
      }
      throw errors.translate("check", displayName(path), e);
    }
  }
}
