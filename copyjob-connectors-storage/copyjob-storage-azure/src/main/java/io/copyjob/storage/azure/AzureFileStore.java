package io.copyjob.storage.azure;

import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.StorePaths;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What the Blob and the ADLS store share: the location, options, error mapping and path mapping. */
abstract class AzureFileStore implements FileStore {
  protected final AzureUri uri;
  protected final AzureOptions options;
  protected final AzureErrors errors;
  private final AtomicLong listPages = new AtomicLong();

  AzureFileStore(AzureUri uri, AzureOptions options) {
    this.uri = uri;
    this.options = options;
    this.errors = new AzureErrors(uri, options);
  }

  @Override
  public URI location() {
    return uri.location();
  }

  /** The parsed location. */
  public AzureUri azureUri() {
    return uri;
  }

  /** The name in the container of a store path. */
  protected String full(String path) {
    StorePaths.check(path);
    return uri.fullPath(path);
  }

  /** The name in the container of a file's path; the location itself is not a file. */
  protected String fileName(String path) {
    if (StorePaths.check(path).isEmpty() && uri.prefix().isEmpty()) {
      throw new IllegalArgumentException("the container itself is not a file");
    }
    return uri.fullPath(path);
  }

  /** Counts a page of a listing (for tests that check paging). */
  protected void countPage() {
    listPages.incrementAndGet();
  }

  /** Listing pages fetched so far by this store. */
  long listPages() {
    return listPages.get();
  }

  protected static List<FileInfo> sorted(List<FileInfo> files) {
    files.sort(Comparator.comparing(FileInfo::path));
    return files;
  }

  @Override
  public InputStream openRead(String path) throws IOException {
    return new RangedInputStream(openRandomAccess(path), RangedInputStream.CHUNK);
  }

  /** {@code BlobFileStore[https://acct.blob.core.windows.net/c/lake, account key of acct]}: no secrets. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + uri + ", endpoint " + options.endpoint() + ", "
        + options.credential().describe() + "]";
  }
}
