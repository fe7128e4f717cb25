package io.copyjob.storage.files.store;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Opens {@link FileStore}s for the URIs it supports. Found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.copyjob.storage.files.store.FileStoreProvider}. A provider
 * is stateless; {@link FileStores#open(String, Map)} asks each one in turn.
 *
 * <p>Stores other than the local one come in their own artifacts (copyjob-storage-s3, copyjob-storage-azure),
 * so a user pulls in only the SDKs they need.
 */
public interface FileStoreProvider {

  /** Whether this provider can open {@code location}; usually decided by its scheme (and for https, its host). */
  boolean supports(URI location);

  /**
   * Opens a store rooted at {@code location}.
   *
   * @param options every option of the connector that uses the store; a provider reads its own (credentials,
   *                region, endpoint) and ignores the rest. Never put their values in messages.
   */
  FileStore open(URI location, Map<String, String> options);

  /**
   * The keys of this store's options whose values are secret (e.g. {@code azure.connectionString}). The files
   * connector declares them sensitive, so they are masked in {@code toString()} and removed from messages and
   * logs. Keys that name a password, secret, key, token, credential or SAS are treated as secret anyway.
   */
  default Set<String> sensitiveOptions() {
    return Set.of();
  }
}
