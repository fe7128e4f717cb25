package io.copyjob.storage.azure;

import io.copyjob.testkit.AzuriteServer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores on the test kit's Azurite: a fresh container each, the emulator's key, the endpoint override. */
final class Azurite {
  private Azurite() {
  }

  /** The store options for the emulator plus {@code extra} key, value pairs. */
  static Map<String, String> options(String... extra) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(AzureOptions.ENDPOINT, AzuriteServer.endpoint());
    m.put(AzureOptions.ACCOUNT_KEY, AzuriteServer.KEY);
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        m.remove(extra[i]);
      } else {
        m.put(extra[i], extra[i + 1]);
      }
    }
    return m;
  }

  /** A store on {@code prefix} of a new container. */
  static BlobFileStore newStore(String prefix, String... extra) {
    return store(AzuriteServer.newContainer("it"), prefix, extra);
  }

  /** A store on {@code prefix} of {@code container}. */
  static BlobFileStore store(String container, String prefix, String... extra) {
    AzureUri uri = AzureUri.parse(AzuriteServer.blobUrl(container, prefix));
    return BlobFileStore.open(uri, AzureOptions.parse(options(extra), uri));
  }
}
