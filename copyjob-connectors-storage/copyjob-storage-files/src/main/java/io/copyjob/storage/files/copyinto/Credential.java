package io.copyjob.storage.files.copyinto;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * COPY INTO's {@code CREDENTIAL} and {@code ERRORFILE_CREDENTIAL}: how to reach the files' store, turned into the
 * options of the store module (copyjob-storage-azure's {@code azure.*}, copyjob-storage-s3's {@code s3.*}), which
 * the user adds to the class path. Immutable; {@link #toString()} never shows the secret.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><th>statement</th><th>factory</th><th>store options</th></tr>
 *   <tr><td>{@code IDENTITY = 'Shared Access Signature', SECRET = '<sas>'}</td>
 *       <td>{@link #sharedAccessSignature}</td><td>{@code azure.sasToken}</td></tr>
 *   <tr><td>{@code IDENTITY = 'Storage Account Key', SECRET = '<key>'}</td><td>{@link #storageAccountKey}</td>
 *       <td>{@code azure.accountKey}</td></tr>
 *   <tr><td>{@code IDENTITY = 'Managed Identity'}</td><td>{@link #managedIdentity}</td>
 *       <td>{@code azure.managedIdentity=true}</td></tr>
 *   <tr><td>{@code IDENTITY = '<client id>@<token endpoint>', SECRET = '<client secret>'}</td>
 *       <td>{@link #servicePrincipal}</td><td>{@code azure.clientId}, {@code azure.tenantId} (from the endpoint's
 *       path, {@code https://login.microsoftonline.com/<tenant>/oauth2/token}), {@code azure.clientSecret}</td></tr>
 *   <tr><td>{@code IDENTITY = 'Anonymous'} (beyond COPY: public containers and buckets, where COPY relies on
 *       the storage's public access)</td><td>{@link #anonymous}</td></tr>
 *   <tr><td>{@code IDENTITY = 'S3 Access Key', SECRET = '<key id>:<secret key>'} (beyond COPY)</td>
 *       <td>{@link #s3AccessKey}</td><td>{@code s3.accessKeyId}, {@code s3.secretAccessKey}</td></tr>
 * </table>
 */
public final class Credential {
  /** The IDENTITY of a shared access signature. */
  public static final String SAS_IDENTITY = "Shared Access Signature";
  /** The IDENTITY of a storage account key. */
  public static final String ACCOUNT_KEY_IDENTITY = "Storage Account Key";
  /** The IDENTITY of the host's managed identity. */
  public static final String MANAGED_IDENTITY = "Managed Identity";
  /** The IDENTITY of unsigned, anonymous reads of public storage (beyond COPY). */
  public static final String ANONYMOUS_IDENTITY = "Anonymous";
  /** The IDENTITY of an S3 access key pair (beyond COPY). */
  public static final String S3_ACCESS_KEY_IDENTITY = "S3 Access Key";

  /** Which form a credential has. */
  public enum Kind {
    /** {@code IDENTITY = 'Shared Access Signature'}. */
    SHARED_ACCESS_SIGNATURE,
    /** {@code IDENTITY = 'Storage Account Key'}. */
    STORAGE_ACCOUNT_KEY,
    /** {@code IDENTITY = 'Managed Identity'}. */
    MANAGED_IDENTITY,
    /** {@code IDENTITY = '<client id>@<token endpoint>'}. */
    SERVICE_PRINCIPAL,
    /** {@code IDENTITY = 'Anonymous'}, beyond COPY: S3 or Azure. */
    ANONYMOUS,
    /** {@code IDENTITY = 'S3 Access Key'}, beyond COPY. */
    S3_ACCESS_KEY
  }

  private final Kind kind;
  private final String identity;
  private final String secret;

  private Credential(Kind kind, String identity, String secret) {
    this.kind = kind;
    this.identity = identity;
    this.secret = secret;
  }

  /** A shared access signature (with or without its leading {@code ?}). */
  public static Credential sharedAccessSignature(String sasToken) {
    return new Credential(Kind.SHARED_ACCESS_SIGNATURE, SAS_IDENTITY, requireSecret(sasToken));
  }

  /** A storage account key. */
  public static Credential storageAccountKey(String accountKey) {
    return new Credential(Kind.STORAGE_ACCOUNT_KEY, ACCOUNT_KEY_IDENTITY, requireSecret(accountKey));
  }

  /** No credential: public storage that anyone may read, on S3 or Azure. */
  public static Credential anonymous() {
    return new Credential(Kind.ANONYMOUS, ANONYMOUS_IDENTITY, null);
  }

  /** The managed identity of the host the load runs on. */
  public static Credential managedIdentity() {
    return new Credential(Kind.MANAGED_IDENTITY, MANAGED_IDENTITY, null);
  }

  /**
   * A Microsoft Entra ID application: its client id, its OAuth 2.0 token endpoint
   * ({@code https://login.microsoftonline.com/<tenant id>/oauth2/token}, v1 or v2) and its client secret.
   */
  public static Credential servicePrincipal(String clientId, String tokenEndpoint, String clientSecret) {
    if (clientId == null || clientId.isBlank()) {
      throw invalid("the client id before '@' is empty");
    }
    tenantOf(tokenEndpoint);
    return new Credential(Kind.SERVICE_PRINCIPAL, clientId + "@" + tokenEndpoint, requireSecret(clientSecret));
  }

  /** An S3 access key pair, beyond COPY: SECRET holds {@code <access key id>:<secret access key>}. */
  public static Credential s3AccessKey(String accessKeyId, String secretAccessKey) {
    if (accessKeyId == null || accessKeyId.isBlank() || accessKeyId.contains(":")) {
      throw invalid("the S3 access key id is empty or holds ':'");
    }
    return new Credential(Kind.S3_ACCESS_KEY, S3_ACCESS_KEY_IDENTITY, accessKeyId + ":" + requireSecret(secretAccessKey));
  }

  /**
   * The credential a statement's {@code IDENTITY} and {@code SECRET} name (IDENTITY compared case-insensitively).
   *
   * @param secret null when the statement has no SECRET
   * @throws CopyJobException {@code INVALID_OPTION} for an unknown identity or a missing or extra secret; the
   *                          message never holds the secret
   */
  public static Credential of(String identity, String secret) {
    String id = identity == null ? "" : identity.trim();
    String lower = id.toLowerCase(Locale.ROOT);
    if (lower.equals(MANAGED_IDENTITY.toLowerCase(Locale.ROOT))) {
      if (secret != null) {
        throw invalid("IDENTITY 'Managed Identity' takes no SECRET");
      }
      return managedIdentity();
    }
    if (lower.equals(ANONYMOUS_IDENTITY.toLowerCase(Locale.ROOT))) {
      if (secret != null) {
        throw invalid("IDENTITY 'Anonymous' takes no SECRET");
      }
      return anonymous();
    }
    if (secret == null) {
      throw invalid("IDENTITY '" + id + "' needs a SECRET");
    }
    if (lower.equals(SAS_IDENTITY.toLowerCase(Locale.ROOT))) {
      return sharedAccessSignature(secret);
    }
    if (lower.equals(ACCOUNT_KEY_IDENTITY.toLowerCase(Locale.ROOT))) {
      return storageAccountKey(secret);
    }
    if (lower.equals(S3_ACCESS_KEY_IDENTITY.toLowerCase(Locale.ROOT))) {
      int colon = secret.indexOf(':');
      if (colon <= 0) {
        throw invalid("IDENTITY 'S3 Access Key' needs SECRET '<access key id>:<secret access key>'");
      }
      return s3AccessKey(secret.substring(0, colon), secret.substring(colon + 1));
    }
    int at = id.indexOf('@');
    if (at > 0) {
      return servicePrincipal(id.substring(0, at), id.substring(at + 1), secret);
    }
    throw invalid("IDENTITY '" + id + "' is unknown: use 'Shared Access Signature', 'Storage Account Key', "
        + "'Managed Identity', '<client id>@<OAuth 2.0 token endpoint>', 'S3 Access Key' or 'Anonymous'");
  }

  /** Which form this credential has. */
  public Kind kind() { return kind; }

  /** The IDENTITY as a statement writes it; never secret. */
  public String identity() { return identity; }

  /**
   * The store options this credential sets for files at {@code location}; {@code optionName} (CREDENTIAL,
   * ERRORFILE_CREDENTIAL) is what an error names.
   *
   * @throws CopyJobException {@code INVALID_OPTION} when the credential does not fit the location's store (an
   *                          Azure credential for {@code s3://}, any credential for local files)
   */
  public Map<String, String> storeOptions(String location, String optionName) {
    StoreKind store = StoreKind.of(location);
    boolean azure = kind != Kind.S3_ACCESS_KEY;
    if (store == StoreKind.LOCAL || kind != Kind.ANONYMOUS && (store == StoreKind.S3) == azure) {
      throw CopyJobException.of(ErrorCode.INVALID_OPTION, optionName + " with IDENTITY '" + identity
          + "' does not apply to " + store.description + " location '" + location + "'");
    }
    Map<String, String> options = new LinkedHashMap<>();
    switch (kind) {
      case SHARED_ACCESS_SIGNATURE -> options.put("azure.sasToken", secret);
      case STORAGE_ACCOUNT_KEY -> options.put("azure.accountKey", secret);
      case MANAGED_IDENTITY -> options.put("azure.managedIdentity", "true");
      case ANONYMOUS -> options.put(store == StoreKind.S3 ? "s3.anonymous" : "azure.anonymous", "true");
      case SERVICE_PRINCIPAL -> {
        int at = identity.indexOf('@');
        options.put("azure.clientId", identity.substring(0, at));
        options.put("azure.tenantId", tenantOf(identity.substring(at + 1)));
        options.put("azure.clientSecret", secret);
      }
      case S3_ACCESS_KEY -> {
        int colon = secret.indexOf(':');
        options.put("s3.accessKeyId", secret.substring(0, colon));
        options.put("s3.secretAccessKey", secret.substring(colon + 1));
      }
    }
    return options;
  }

  private static String tenantOf(String tokenEndpoint) {
    URI uri;
    try {
      uri = new URI(tokenEndpoint == null ? "" : tokenEndpoint.trim());
    } catch (URISyntaxException e) {
      throw invalid("the token endpoint after '@' is not a URL");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String[] parts = path.split("/");
    if (uri.getHost() == null || parts.length < 2 || parts[1].isBlank()) {
      throw invalid("the token endpoint after '@' must look like https://login.microsoftonline.com/<tenant id>/"
          + "oauth2/token");
    }
    return parts[1];
  }

  private static String requireSecret(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw invalid("SECRET is empty");
    }
    return secret;
  }

  private static CopyJobException invalid(String detail) {
    return CopyJobException.of(ErrorCode.INVALID_OPTION, "CREDENTIAL: " + detail);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credential c && c.kind == kind && c.identity.equals(identity)
        && Objects.equals(c.secret, secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, identity, secret);
  }

  /** {@code CREDENTIAL(IDENTITY='Storage Account Key', SECRET='****')}: the secret is always masked. */
  @Override
  public String toString() {
    return "CREDENTIAL(IDENTITY='" + identity + "'" + (secret == null ? "" : ", SECRET='****'") + ")";
  }
}
