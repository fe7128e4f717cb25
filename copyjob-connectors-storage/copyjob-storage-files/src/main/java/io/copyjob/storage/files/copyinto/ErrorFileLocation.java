package io.copyjob.storage.files.copyinto;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a load's ERRORFILE is and which store options reach it. A full URL is used as given, with
 * ERRORFILE_CREDENTIAL (or, when that is absent and the store is the same kind, CREDENTIAL); a path given for
 * locations in a store starts at the root of the first location's container or bucket and uses CREDENTIAL, as
 * COPY does; for local locations it is a local path.
 */
record ErrorFileLocation(String folder, Map<String, String> storeOptions) {

  static ErrorFileLocation of(CopyInto load, String errorFile) {
    String first = load.locations().get(0);
    StoreKind sourceStore = StoreKind.of(first);
    // A scheme of two or more characters, as FileStores reads it (one letter is a Windows drive).
    boolean url = errorFile.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    String folder = errorFile;
    Credential credential;
    if (url) {
      credential = load.errorFileCredential().orElse(
          StoreKind.of(errorFile) == sourceStore ? load.credential().orElse(null) : null);
    } else {
      if (sourceStore != StoreKind.LOCAL) {
        folder = containerRoot(first) + (errorFile.startsWith("/") ? "" : "/") + errorFile;
      }
      credential = load.credential().orElse(null);
    }
    Map<String, String> options = new LinkedHashMap<>(load.storeOptions());
    if (credential != null && StoreKind.of(folder) != StoreKind.LOCAL) {
      options.putAll(credential.storeOptions(folder, url ? "ERRORFILE_CREDENTIAL" : "CREDENTIAL"));
    }
    return new ErrorFileLocation(folder, Map.copyOf(options));
  }

  /**
   * {@code s3://bucket}, {@code https://account.blob.core.windows.net/container},
   * {@code abfss://container@account.dfs.core.windows.net} of a location in a store.
   */
  static String containerRoot(String location) {
    URI uri = URI.create(location.replace(" ", "%20"));
    String base = uri.getScheme() + "://" + uri.getRawAuthority();
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (scheme.startsWith("http")) {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String[] parts = path.split("/");
      return parts.length > 1 ? base + "/" + parts[1] : base;
    }
    return base;
  }

  @Override
  public String toString() {
    return folder;
  }
}
