package io.copyjob.storage.azure;

import io.copyjob.spi.ConnectorOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Azure options of a {@code files} location, checked and typed without touching the service. Every key
 * starts with {@code azure.}; a misspelt one is an error. Secret values never appear in messages.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #ENDPOINT}</td><td>the service's account URL, for an emulator or a private endpoint, e.g.
 *       {@code http://127.0.0.1:10000/devstoreaccount1}; the location still names account and container</td>
 *       <td>from the location's host</td></tr>
 *   <tr><td>{@value #ACCOUNT_KEY}</td><td>secret: the storage account key (shared key)</td><td></td></tr>
 *   <tr><td>{@value #SAS_TOKEN}</td><td>secret: a shared access signature, with or without the leading
 *       {@code ?}</td><td></td></tr>
 *   <tr><td>{@value #CONNECTION_STRING}</td><td>secret: a storage connection string with {@code AccountName} and
 *       {@code AccountKey}, or {@code SharedAccessSignature}; its {@code BlobEndpoint}/{@code DfsEndpoint} is
 *       used when {@value #ENDPOINT} is not set; {@code UseDevelopmentStorage=true} means the local
 *       emulator</td><td></td></tr>
 *   <tr><td>{@value #TENANT_ID}, {@value #CLIENT_ID}, {@value #CLIENT_SECRET}</td><td>a Microsoft Entra ID service
 *       principal; the client secret is secret</td><td></td></tr>
 *   <tr><td>{@value #MANAGED_IDENTITY}</td><td>{@code true}: authenticate as the managed identity of the host;
 *       with {@value #CLIENT_ID}, the user-assigned identity of that client id</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #ANONYMOUS}</td><td>{@code true}: no credential at all, for reading a container whose
 *       access level lets anyone read it (public storage)</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #BLOCK_SIZE_BYTES}</td><td>bytes per uploaded block (Blob) or append (ADLS); one such buffer
 *       per file being written is the memory a write needs. A blob holds at most 50,000 blocks</td>
 *       <td>8 MiB</td></tr>
 *   <tr><td>{@value #LIST_PAGE_SIZE}</td><td>entries per listing request, 1 to 5000</td><td>5000</td></tr>
 *   <tr><td>{@value #MAX_TRIES}</td><td>tries per request (the first included) when it fails in a way that may
 *       pass: a lost connection, a timeout, HTTP 5xx; with exponential back-off. 1 to 20</td><td>4</td></tr>
 * </table>
 *
 * <p>At most one way to authenticate may be given. With none, azure-identity's default credential chain is used
 * (environment variables, workload identity, managed identity, Azure CLI, ...).
 */
public final class AzureOptions {
  public static final String ENDPOINT = "azure.endpoint";
  public static final String ACCOUNT_KEY = "azure.accountKey";
  public static final String SAS_TOKEN = "azure.sasToken";
  public static final String CONNECTION_STRING = "azure.connectionString";
  public static final String TENANT_ID = "azure.tenantId";
  public static final String CLIENT_ID = "azure.clientId";
  public static final String CLIENT_SECRET = "azure.clientSecret";
  public static final String MANAGED_IDENTITY = "azure.managedIdentity";
  public static final String ANONYMOUS = "azure.anonymous";
  public static final String BLOCK_SIZE_BYTES = "azure.blockSizeBytes";
  public static final String LIST_PAGE_SIZE = "azure.listPageSize";
  public static final String MAX_TRIES = "azure.maxTries";

  /** The options whose values are secret. */
  public static final Set<String> SENSITIVE = Set.of(ACCOUNT_KEY, SAS_TOKEN, CONNECTION_STRING, CLIENT_SECRET);

  static final Set<String> KNOWN = Set.of(ENDPOINT, ACCOUNT_KEY, SAS_TOKEN, CONNECTION_STRING, TENANT_ID, CLIENT_ID,
      CLIENT_SECRET, MANAGED_IDENTITY, ANONYMOUS, BLOCK_SIZE_BYTES, LIST_PAGE_SIZE, MAX_TRIES);

  public static final int DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;
  static final int MIN_BLOCK_SIZE = 1024;
  static final int MAX_BLOCK_SIZE = 256 * 1024 * 1024;
  public static final int DEFAULT_LIST_PAGE_SIZE = 5000;
  /** The SDK's default: a request is tried up to 4 times, with exponential back-off. */
  public static final int DEFAULT_MAX_TRIES = 4;

  /** The emulator's well-known account and key (public, documented by Microsoft). */
  static final String EMULATOR_ACCOUNT = "devstoreaccount1";
  static final String EMULATOR_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
  private static final String EMULATOR_BLOB_ENDPOINT = "http://127.0.0.1:10000/" + EMULATOR_ACCOUNT;

  private final String endpoint;
  private final AzureCredential credential;
  private final int blockSize;
  private final int listPageSize;
  private final int maxTries;
  private final List<String> secrets;

  private AzureOptions(String endpoint, AzureCredential credential, int blockSize, int listPageSize, int maxTries,
      List<String> secrets) {
    this.endpoint = endpoint;
    this.credential = credential;
    this.blockSize = blockSize;
    this.listPageSize = listPageSize;
    this.maxTries = maxTries;
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Checks and types the {@code azure.*} options for {@code location}; other keys are ignored.
   *
   * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming the option, never quoting a secret
   */
  public static AzureOptions parse(Map<String, String> all, AzureUri location) {
    ConnectorOptions options = ConnectorOptions.of("files", all, SENSITIVE);
    for (String key : all.keySet()) {
      if (key.startsWith("azure.") && !KNOWN.contains(key)) {
        throw options.invalid(key, "is unknown; Azure options are " + String.join(", ", new TreeSet<>(KNOWN)));
      }
    }
    List<String> secrets = new ArrayList<>();
    for (String key : SENSITIVE) {
      options.get(key).filter(v -> !v.isBlank()).ifPresent(secrets::add);
    }

    List<String> methods = new ArrayList<>();
    for (String key : List.of(ACCOUNT_KEY, SAS_TOKEN, CONNECTION_STRING, CLIENT_SECRET)) {
      if (options.get(key).isPresent()) {
        methods.add(key);
      }
    }
    boolean managed = options.getBoolean(MANAGED_IDENTITY, false);
    if (managed) {
      methods.add(MANAGED_IDENTITY);
    }
    boolean anonymous = options.getBoolean(ANONYMOUS, false);
    if (anonymous) {
      methods.add(ANONYMOUS);
    }
    if (methods.size() > 1) {
      throw options.invalid(methods.get(1), "conflicts with " + methods.get(0)
          + ": give one way to authenticate");
    }
    Optional<String> tenantId = nonBlank(options, TENANT_ID);
    Optional<String> clientId = nonBlank(options, CLIENT_ID);

    String connectionEndpoint = null;
    AzureCredential credential;
    if (options.get(ACCOUNT_KEY).isPresent()) {
      noIdentityIds(options, tenantId, clientId, ACCOUNT_KEY);
      credential = new AzureCredential.SharedKey(location.account(), accountKey(options, ACCOUNT_KEY,
          options.require(ACCOUNT_KEY)));
    } else if (options.get(SAS_TOKEN).isPresent()) {
      noIdentityIds(options, tenantId, clientId, SAS_TOKEN);
      credential = new AzureCredential.Sas(sasToken(options, SAS_TOKEN, options.require(SAS_TOKEN)));
      secrets.addAll(sasParts(((AzureCredential.Sas) credential).token()));
    } else if (options.get(CONNECTION_STRING).isPresent()) {
      noIdentityIds(options, tenantId, clientId, CONNECTION_STRING);
      Map<String, String> cs = connectionString(options, options.require(CONNECTION_STRING));
      if ("true".equalsIgnoreCase(cs.get("usedevelopmentstorage"))) {
        cs.putIfAbsent("accountname", EMULATOR_ACCOUNT);
        cs.putIfAbsent("accountkey", EMULATOR_KEY);
        cs.putIfAbsent("blobendpoint", EMULATOR_BLOB_ENDPOINT);
      }
      String account = cs.get("accountname");
      if (account != null && !account.equals(location.account())) {
        throw options.invalid(CONNECTION_STRING, "is for the account '" + account + "' but the location names the "
            + "account '" + location.account() + "'");
      }
      if (cs.containsKey("sharedaccesssignature")) {
        credential = new AzureCredential.Sas(sasToken(options, CONNECTION_STRING, cs.get("sharedaccesssignature")));
        secrets.add(cs.get("sharedaccesssignature"));
        secrets.addAll(sasParts(((AzureCredential.Sas) credential).token()));
      } else if (cs.containsKey("accountkey") && account != null) {
        credential = new AzureCredential.SharedKey(account, accountKey(options, CONNECTION_STRING,
            cs.get("accountkey")));
        secrets.add(cs.get("accountkey"));
      } else {
        throw options.invalid(CONNECTION_STRING, "needs AccountName and AccountKey, or SharedAccessSignature");
      }
      connectionEndpoint = cs.get(location.service() == AzureUri.Service.DFS ? "dfsendpoint" : "blobendpoint");
    } else if (options.get(CLIENT_SECRET).isPresent()) {
      String secret = options.require(CLIENT_SECRET);
      if (tenantId.isEmpty() || clientId.isEmpty()) {
        throw options.invalid(CLIENT_SECRET, "needs " + TENANT_ID + " and " + CLIENT_ID + " (a service principal)");
      }
      credential = new AzureCredential.ServicePrincipal(tenantId.get(), clientId.get(), secret);
    } else if (anonymous) {
      if (tenantId.isPresent() || clientId.isPresent()) {
        throw options.invalid(ANONYMOUS, "conflicts with " + (tenantId.isPresent() ? TENANT_ID : CLIENT_ID)
            + ": anonymous access has no identity");
      }
      credential = new AzureCredential.Anonymous();
    } else if (managed) {
      if (tenantId.isPresent()) {
        throw options.invalid(TENANT_ID, "does not apply to a managed identity; remove it");
      }
      credential = new AzureCredential.ManagedIdentity(clientId);
    } else {
      if (tenantId.isPresent() || clientId.isPresent()) {
        String key = tenantId.isPresent() ? TENANT_ID : CLIENT_ID;
        throw options.invalid(key, "needs " + CLIENT_SECRET + " (service principal, with " + TENANT_ID + " and "
            + CLIENT_ID + ")" + (tenantId.isPresent() ? "" : " or " + MANAGED_IDENTITY
            + "=true (user-assigned managed identity)"));
      }
      credential = new AzureCredential.DefaultChain();
    }

    String endpoint;
    if (options.get(ENDPOINT).isPresent()) {
      endpoint = endpoint(options, ENDPOINT, options.require(ENDPOINT));
    } else if (connectionEndpoint != null) {
      endpoint = endpoint(options, CONNECTION_STRING, connectionEndpoint);
    } else {
      endpoint = location.accountEndpoint();
    }

    long block = options.getLong(BLOCK_SIZE_BYTES, DEFAULT_BLOCK_SIZE);
    if (block < MIN_BLOCK_SIZE || block > MAX_BLOCK_SIZE) {
      throw options.invalid(BLOCK_SIZE_BYTES, "must be between " + MIN_BLOCK_SIZE + " and " + MAX_BLOCK_SIZE
          + " bytes, got " + block);
    }
    int page = options.getInt(LIST_PAGE_SIZE, DEFAULT_LIST_PAGE_SIZE);
    if (page < 1 || page > 5000) {
      throw options.invalid(LIST_PAGE_SIZE, "must be between 1 and 5000, got " + page);
    }
    int tries = options.getInt(MAX_TRIES, DEFAULT_MAX_TRIES);
    if (tries < 1 || tries > 20) {
      throw options.invalid(MAX_TRIES, "must be between 1 and 20, got " + tries);
    }
    return new AzureOptions(endpoint, credential, (int) block, page, tries, secrets);
  }

  private static Optional<String> nonBlank(ConnectorOptions options, String key) {
    Optional<String> v = options.get(key);
    if (v.isPresent() && v.get().isBlank()) {
      throw options.invalid(key, "is empty");
    }
    return v.map(String::trim);
  }

  private static void noIdentityIds(ConnectorOptions options, Optional<String> tenantId, Optional<String> clientId,
      String method) {
    if (tenantId.isPresent() || clientId.isPresent()) {
      throw options.invalid(tenantId.isPresent() ? TENANT_ID : CLIENT_ID, "applies to Microsoft Entra ID "
          + "authentication only, not together with " + method);
    }
  }

  private static String accountKey(ConnectorOptions options, String key, String value) {
    String trimmed = value.trim();
    try {
      if (trimmed.isEmpty() || Base64.getDecoder().decode(trimmed).length == 0) {
        throw options.invalid(key, "holds an empty account key");
      }
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes a character of the key: not repeated here.
      throw options.invalid(key, "holds an account key that is not valid Base64");
    }
    return trimmed;
  }

  private static String sasToken(ConnectorOptions options, String key, String value) {
    String token = value.trim();
    if (token.startsWith("?")) {
      token = token.substring(1);
    }
    if (!token.contains("sig=")) {
      throw options.invalid(key, "does not look like a SAS token: it has no 'sig' parameter");
    }
    return token;
  }

  /** The signature of a SAS token, raw and URL-decoded: whichever form a message might quote. */
  private static List<String> sasParts(String token) {
    List<String> parts = new ArrayList<>();
    for (String param : token.split("&")) {
      if (param.startsWith("sig=") && param.length() > 4) {
        String sig = param.substring(4);
        parts.add(sig);
        try {
          parts.add(URLDecoder.decode(sig, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // a malformed escape: the raw form is enough
        }
      }
    }
    return parts;
  }

  private static Map<String, String> connectionString(ConnectorOptions options, String value) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (String segment : value.split(";")) {
      if (segment.isBlank()) {
        continue;
      }
      int eq = segment.indexOf('=');
      if (eq <= 0) {
        throw options.invalid(CONNECTION_STRING, "is not a connection string of Key=Value pairs separated by ';'");
      }
      parts.put(segment.substring(0, eq).trim().toLowerCase(Locale.ROOT), segment.substring(eq + 1).trim());
    }
    return parts;
  }

  private static String endpoint(ConnectorOptions options, String key, String value) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw options.invalid(key, "has an endpoint that is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw options.invalid(key, "must be an http or https URL such as http://127.0.0.1:10000/devstoreaccount1");
    }
    if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
      throw options.invalid(key, "must not carry a query or user information: put credentials in their options");
    }
    String s = uri.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The service's account URL requests go to. */
  public String endpoint() {
    return endpoint;
  }

  /** The chosen way to authenticate. */
  public AzureCredential credential() {
    return credential;
  }

  /** Bytes per staged block or append. */
  public int blockSize() {
    return blockSize;
  }

  /** Entries per listing page. */
  public int listPageSize() {
    return listPageSize;
  }

  /** Tries per request, the first included, before a failure that may pass (a 5xx, a lost connection) counts. */
  public int maxTries() {
    return maxTries;
  }

  /** Every secret value and its parts, for scrubbing messages. */
  List<String> secrets() {
    return secrets;
  }

  /** The options without secrets, e.g. {@code endpoint=..., credential=account key of acct, blockSize=8388608}. */
  @Override
  public String toString() {
    Map<String, Object> shown = new TreeMap<>();
    shown.put("endpoint", endpoint);
    shown.put("credential", credential.describe());
    shown.put("blockSize", blockSize);
    shown.put("listPageSize", listPageSize);
    shown.put("maxTries", maxTries);
    return "AzureOptions" + shown;
  }
}
