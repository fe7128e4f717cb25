package io.copyjob.storage.azure;

import io.copyjob.storage.files.store.StorePaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Azure storage location, parsed: which service, account, container and path prefix. Three forms:
 *
 * <ul>
 *   <li>{@code https://<account>.blob.core.windows.net/<container>/<path>}: Blob Storage</li>
 *   <li>{@code https://<account>.dfs.core.windows.net/<container>/<path>}: ADLS Gen2</li>
 *   <li>{@code abfss://<container>@<account>.dfs.core.windows.net/<path>}: ADLS Gen2, as Hadoop and Spark name it</li>
 * </ul>
 *
 * <p>Sovereign clouds work by their host suffix ({@code .blob.core.chinacloudapi.cn},
 * {@code .blob.core.usgovcloudapi.net}). A location never carries credentials: a query (a SAS token) is refused,
 * so that it cannot end up in a log; give it as the {@code azure.sasToken} option.
 *
 * @param service         Blob or DFS (ADLS Gen2)
 * @param account         the storage account name
 * @param container       the container (file system, in ADLS terms)
 * @param prefix          the path inside the container, in {@link StorePaths} form; empty for the container root
 * @param accountEndpoint the service's account URL derived from the host, e.g.
 *                        {@code https://acct.blob.core.windows.net}; the {@code azure.endpoint} option overrides it
 * @param location        the location as given, normalised (no trailing slash)
 */
public record AzureUri(Service service, String account, String container, String prefix, String accountEndpoint,
    URI location) {

  /** The two storage services a location can address. */
  public enum Service {
    /** Azure Blob Storage: flat namespace, block blobs. */
    BLOB("blob"),
    /** Azure Data Lake Storage Gen2: hierarchical namespace, directories and atomic rename. */
    DFS("dfs");

    private final String hostLabel;

    Service(String hostLabel) {
      this.hostLabel = hostLabel;
    }

    /** The label in the host name: {@code blob} or {@code dfs}. */
    public String hostLabel() {
      return hostLabel;
    }
  }

  /** {@code <account>.<blob|dfs>.core.<cloud suffix>}; the account is checked separately for a clear message. */
  private static final Pattern HOST = Pattern.compile("^([^.]+)\\.(blob|dfs)\\.(core\\.[a-z0-9.-]+)$");
  private static final Pattern ACCOUNT = Pattern.compile("^[a-z0-9]{3,24}$");
  private static final Pattern CONTAINER = Pattern.compile("^(\\$root|\\$web|\\$logs|[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62})$");

  /**
   * Whether {@code uri} looks like an Azure storage location, without checking the details: {@code abfss:} or
   * an {@code https:} host of the form {@code <account>.blob.core.*} / {@code <account>.dfs.core.*}. A location
   * that passes here but is malformed gets a precise message from {@link #parse(URI)}.
   */
  public static boolean supports(URI uri) {
    String scheme = uri.getScheme();
    if (scheme == null) {
      return false;
    }
    scheme = scheme.toLowerCase(Locale.ROOT);
    if (scheme.equals("abfss")) {
      return true;
    }
    String host = uri.getHost();
    return scheme.equals("https") && host != null && HOST.matcher(host.toLowerCase(Locale.ROOT)).matches();
  }

  /** Parses a location string (see {@link #parse(URI)}). */
  public static AzureUri parse(String location) {
    try {
      return parse(new URI(location));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URI: " + e.getMessage(), e);
    }
  }

  /**
   * Parses an Azure location.
   *
   * @throws IllegalArgumentException saying what is wrong and what form is expected; the message quotes the
   *                                  location without any query
   */
  public static AzureUri parse(URI uri) {
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("must not have a query or fragment (a SAS token belongs in the "
          + AzureOptions.SAS_TOKEN + " option, where it is kept secret)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (uri.getPort() != -1) {
      throw new IllegalArgumentException("must not name a port: " + uri
          + " (for an emulator, keep the account URL as location and set " + AzureOptions.ENDPOINT + ")");
    }
    Matcher m = HOST.matcher(host);
    switch (scheme) {
      case "https": {
        if (!m.matches()) {
          throw new IllegalArgumentException("is not an Azure storage URL: " + uri
              + "; expected https://<account>.blob.core.windows.net/<container>/<path> or .dfs.core.windows.net");
        }
        if (uri.getRawUserInfo() != null) {
          throw new IllegalArgumentException("must not contain user information: " + redactUserInfo(uri));
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String container = slash < 0 ? trimmed : trimmed.substring(0, slash);
        String rest = slash < 0 ? "" : trimmed.substring(slash + 1);
        if (container.isEmpty()) {
          throw new IllegalArgumentException("names no container: " + uri + "; expected https://" + host
              + "/<container>/<path>");
        }
        return build(m, container, rest, uri);
      }
      case "abfss": {
        if (!m.matches() || !m.group(2).equals("dfs")) {
          throw new IllegalArgumentException("is not an ADLS Gen2 location: " + redactUserInfo(uri)
              + "; expected abfss://<container>@<account>.dfs.core.windows.net/<path>");
        }
        String container = uri.getUserInfo();
        if (container == null || container.isEmpty()) {
          throw new IllegalArgumentException("names no container: " + uri
              + "; expected abfss://<container>@<account>.dfs.core.windows.net/<path>");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        return build(m, container, path.startsWith("/") ? path.substring(1) : path, uri);
      }
      default:
        throw new IllegalArgumentException("has scheme '" + scheme + "'; Azure locations are https://... or abfss://...");
    }
  }

  private static AzureUri build(Matcher host, String container, String rawPrefix, URI uri) {
    String account = host.group(1);
    if (!ACCOUNT.matcher(account).matches()) {
      throw new IllegalArgumentException("has an invalid storage account name '" + account
          + "': 3 to 24 lowercase letters and digits");
    }
    if (!CONTAINER.matcher(container).matches()) {
      throw new IllegalArgumentException("has an invalid container name '" + container
          + "': 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
    }
    String prefix = rawPrefix.endsWith("/") ? rawPrefix.substring(0, rawPrefix.length() - 1) : rawPrefix;
    try {
      StorePaths.check(prefix);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("has a path with an empty, '.' or '..' segment: '" + rawPrefix + "'", e);
    }
    Service service = host.group(2).equals("dfs") ? Service.DFS : Service.BLOB;
    String endpoint = "https://" + account + "." + service.hostLabel() + "." + host.group(3);
    String text = uri.toString();
    URI location = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    return new AzureUri(service, account, container, prefix, endpoint, location);
  }

  private static String redactUserInfo(URI uri) {
    return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo() + "@", "****@");
  }

  /** The full name in the container of a store path: {@code prefix/path}. */
  public String fullPath(String path) {
    return StorePaths.join(prefix, path);
  }

  /**
   * The store path of a full name in the container, or null when it is not below the prefix or is not a valid
   * store path (a name ending in {@code /}, with {@code //}, {@code .} or {@code ..}).
   */
  public String storePath(String fullName) {
    String relative;
    if (prefix.isEmpty()) {
      relative = fullName;
    } else if (fullName.startsWith(prefix + "/")) {
      relative = fullName.substring(prefix.length() + 1);
    } else {
      return null;
    }
    try {
      StorePaths.check(relative);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return relative.isEmpty() ? null : relative;
  }

  @Override
  public String toString() {
    return location.toString();
  }
}
