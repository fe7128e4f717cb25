package io.copyjob.storage.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link io.copyjob.storage.files.store.FileStore} over a container (and path prefix) of Azure Blob Storage.
 *
 * <ul>
 *   <li>list: a flat listing by prefix, page by page ({@code azure.listPageSize}); folder markers of
 *       hierarchical accounts ({@code hdi_isfolder}) and names that are no valid store path are skipped</li>
 *   <li>read: ranged GETs pinned to the blob's ETag, so a blob replaced while it is read fails the read instead
 *       of mixing versions</li>
 *   <li>write: blocks of {@code azure.blockSizeBytes} staged as they fill and committed as a block list on
 *       commit, which publishes (or replaces) the blob atomically; a file smaller than a block is one upload</li>
 * </ul>
 */
public final class BlobFileStore extends AzureFileStore {
  private final BlobContainerClient container;

  BlobFileStore(AzureUri uri, AzureOptions options, BlobContainerClient container) {
    super(uri, options);
    this.container = container;
  }

  /** Opens a store on a parsed location; does not contact the service. */
  public static BlobFileStore open(AzureUri uri, AzureOptions options) {
    return new BlobFileStore(uri, options, AzureClients.blobContainer(uri, options));
  }

  @Override
  public List<FileInfo> list(String folder) throws IOException {
    String base = full(folder);
    ListBlobsOptions request = new ListBlobsOptions()
        .setMaxResultsPerPage(options.listPageSize())
        .setDetails(new BlobListDetails().setRetrieveMetadata(true));
    if (!base.isEmpty()) {
      request.setPrefix(base + "/");
    }
    List<FileInfo> files = new ArrayList<>();
    try {
      for (PagedResponse<BlobItem> page : container.listBlobs(request, null).iterableByPage()) {
        countPage();
        for (BlobItem item : page.getValue()) {
          if (Boolean.TRUE.equals(item.isPrefix()) || Boolean.TRUE.equals(item.isDeleted()) || isFolderMarker(item)) {
            continue;
          }
          String path = uri.storePath(item.getName());
          if (path != null) {
            files.add(new FileInfo(path, item.getProperties().getContentLength(),
                item.getProperties().getLastModified().toInstant()));
          }
        }
      }
    } catch (RuntimeException e) {
      throw errors.translate("list", displayName(folder), e);
    }
    return sorted(files);
  }

  private static boolean isFolderMarker(BlobItem item) {
    Map<String, String> metadata = item.getMetadata();
    return metadata != null && "true".equalsIgnoreCase(metadata.get("hdi_isfolder"));
  }

  @Override
  public RandomAccessInput openRandomAccess(String path) throws IOException {
    BlobClient blob = container.getBlobClient(fileName(path));
    String display = displayName(path);
    BlobProperties properties;
    try {
      properties = blob.getProperties();
    } catch (RuntimeException e) {
      throw errors.translate("open", display, e);
    }
    BlobRequestConditions sameVersion = new BlobRequestConditions().setIfMatch(properties.getETag());
    return new AzureRandomAccessInput(properties.getBlobSize(), (position, length, target) -> {
      try {
        blob.downloadStreamWithResponse(target, new BlobRange(position, (long) length), null, sameVersion, false,
            null, Context.NONE);
      } catch (RuntimeException e) {
        throw errors.translate("read", display, e);
      }
    });
  }

  @Override
  public PendingFile create(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot create a file at the store's location itself");
    }
    return new BlobPendingFile(path, displayName(path), options.blockSize(),
        container.getBlobClient(fileName(path)).getBlockBlobClient(), errors);
  }

  /**
   * One upload with {@code If-None-Match: *}: Azure refuses it with 409 (BlobAlreadyExists) or 412 when the blob
   * exists, and a blob appears whole or not at all.
   */
  @Override
  public void writeIfAbsent(String path, byte[] content) throws IOException {
    try {
      container.getBlobClient(fileName(path)).getBlockBlobClient().uploadWithResponse(
          new com.azure.storage.blob.options.BlockBlobSimpleUploadOptions(
              com.azure.core.util.BinaryData.fromBytes(content))
              .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), null, Context.NONE);
    } catch (com.azure.storage.blob.models.BlobStorageException e) {
      if (e.getStatusCode() == 409 || e.getStatusCode() == 412) {
        if (holdsExactly(path, content)) {
          return; // the SDK resent our own write after a lost answer: it landed
        }
        var exists = new java.nio.file.FileAlreadyExistsException(displayName(path), null,
            "HTTP " + e.getStatusCode() + " " + e.getErrorCode());
        exists.initCause(e);
        throw exists;
      }
      throw errors.translate("write", displayName(path), e);
    } catch (RuntimeException e) {
      throw errors.translate("write", displayName(path), e);
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    BlobClient blob = container.getBlobClient(fileName(path));
    try {
      return blob.deleteIfExistsWithResponse(DeleteSnapshotsOptionType.INCLUDE, null, null, Context.NONE).getValue();
    } catch (RuntimeException e) {
      throw errors.translate("delete", displayName(path), e);
    }
  }

  @Override
  public boolean exists(String path) throws IOException {
    return info(path).isPresent();
  }

  /**
   * The blob at {@code path} with its size and time, from one HEAD request, or empty when there is none. (Meant
   * to override {@code FileStore.info} once the SPI has it; no {@code @Override} so that it compiles either way.)
   */
  public Optional<FileInfo> info(String path) throws IOException {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    BlobClient blob = container.getBlobClient(fileName(path));
    try {
      BlobProperties p = blob.getProperties();
      return Optional.of(new FileInfo(path, p.getBlobSize(), p.getLastModified().toInstant()));
    } catch (RuntimeException e) {
      if (AzureErrors.isNotFound(e)) {
        return Optional.empty();
      }
      throw errors.translate("check", displayName(path), e);
    }
  }
}
