package io.copyjob.storage.azure;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStoreProvider;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Opens Azure stores for the files connector: a {@link BlobFileStore} for
 * {@code https://<account>.blob.core.windows.net/<container>/<path>}, an {@link AdlsFileStore} for
 * {@code https://<account>.dfs.core.windows.net/<container>/<path>} and
 * {@code abfss://<container>@<account>.dfs.core.windows.net/<path>}. Options are described in
 * {@link AzureOptions}; {@link AzureLocation} builds them in code.
 */
public final class AzureFileStoreProvider implements FileStoreProvider {

  @Override
  public boolean supports(URI location) {
    return AzureUri.supports(location);
  }

  @Override
  public FileStore open(URI location, Map<String, String> options) {
    AzureUri uri;
    try {
      uri = AzureUri.parse(location);
    } catch (IllegalArgumentException e) {
      throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "option 'location' of the files connector "
          + e.getMessage()).build();
    }
    AzureOptions parsed = AzureOptions.parse(options, uri);
    return uri.service() == AzureUri.Service.DFS ? AdlsFileStore.open(uri, parsed) : BlobFileStore.open(uri, parsed);
  }

  @Override
  public Set<String> sensitiveOptions() {
    return AzureOptions.SENSITIVE;
  }
}
