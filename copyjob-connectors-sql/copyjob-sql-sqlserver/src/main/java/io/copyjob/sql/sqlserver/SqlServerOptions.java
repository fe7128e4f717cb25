package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcUrls;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of the SQL Server connector, read and checked once. Immutable.
 *
 * <ul>
 *   <li>{@code url} (required): {@code jdbc:sqlserver://host:1433;databaseName=shop}.</li>
 *   <li>{@code user}, {@code password} (secret).</li>
 *   <li>{@code authentication}: the driver's {@code authentication} property for Microsoft Entra ID:
 *       {@code SqlPassword}, {@code ActiveDirectoryPassword}, {@code ActiveDirectoryServicePrincipal} (user = the
 *       application id, password = its secret), {@code ActiveDirectoryManagedIdentity},
 *       {@code ActiveDirectoryDefault}, {@code ActiveDirectoryInteractive}, {@code ActiveDirectoryIntegrated}.
 *       Unset: SQL authentication with user and password.</li>
 *   <li>{@code encrypt}: {@code true} (default), {@code false} or {@code strict} (TDS 8).</li>
 *   <li>{@code trustServerCertificate}: default {@code false}; {@code true} accepts any server certificate (test
 *       servers with self-signed certificates only).</li>
 *   <li>{@code flavor}: {@code sqlserver} (default), {@code azure-sql}, {@code rds}, {@code fabric-warehouse}.</li>
 *   <li>{@code schema}: namespace of table names given without one, default {@code dbo}.</li>
 *   <li>{@code fetchSize}: rows per round trip when reading, default 10000.</li>
 *   <li>{@code batchSize}: rows per bulk-copy batch sent to the server, default 0 (each written batch of the
 *       run is one bulk-copy batch).</li>
 *   <li>{@code tableLock}: take a bulk-update table lock while bulk copying (faster, blocks other writers),
 *       default {@code false}.</li>
 *   <li>{@code identityInsert}: when the job writes an IDENTITY column, keep the written values
 *       ({@code true}, default: bulk copy's KeepIdentity, {@code SET IDENTITY_INSERT ... ON} around the MERGE);
 *       {@code false} fails such a job naming the column.</li>
 *   <li>{@code fabric.stagingLocation}: Fabric Warehouse only (required there): an ADLS Gen2 or Blob URL
 *       ({@code abfss://container@account.dfs.core.windows.net/staging}, {@code https://account.blob.core.windows.net/c/p})
 *       where the sink stages Parquet files for COPY INTO. The {@code azure.*} options of copyjob-storage-azure
 *       ({@code azure.sasToken}, {@code azure.accountKey}, {@code azure.clientId}/{@code azure.clientSecret}/
 *       {@code azure.tenantId}, ...) are passed to the file store, and also give COPY INTO its CREDENTIAL.</li>
 *   <li>{@code property.<name>}: passed to the driver as connection property {@code <name>}.</li>
 * </ul>
 */
public final class SqlServerOptions {
  public static final String URL = "url";
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String AUTHENTICATION = "authentication";
  public static final String ENCRYPT = "encrypt";
  public static final String TRUST_SERVER_CERTIFICATE = "trustServerCertificate";
  public static final String FLAVOR = "flavor";
  public static final String SCHEMA = "schema";
  public static final String FETCH_SIZE = "fetchSize";
  public static final String BATCH_SIZE = "batchSize";
  public static final String TABLE_LOCK = "tableLock";
  public static final String IDENTITY_INSERT = "identityInsert";
  public static final String FABRIC_STAGING_LOCATION = "fabric.stagingLocation";
  public static final String PROPERTY_PREFIX = "property.";
  public static final String AZURE_PREFIX = "azure.";
  /** The secret azure.* options of copyjob-storage-azure. */
  public static final Set<String> AZURE_SECRETS =
      Set.of("azure.accountKey", "azure.sasToken", "azure.connectionString", "azure.clientSecret");

  public static final String DEFAULT_SCHEMA = "dbo";
  public static final int DEFAULT_FETCH_SIZE = 10_000;
  static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, AUTHENTICATION, ENCRYPT, TRUST_SERVER_CERTIFICATE,
      FLAVOR, SCHEMA, FETCH_SIZE, BATCH_SIZE, TABLE_LOCK, IDENTITY_INSERT, FABRIC_STAGING_LOCATION);
  static final Set<String> AUTHENTICATIONS = Set.of("NotSpecified", "SqlPassword", "ActiveDirectoryPassword",
      "ActiveDirectoryIntegrated", "ActiveDirectoryInteractive", "ActiveDirectoryServicePrincipal",
      "ActiveDirectoryServicePrincipalCertificate", "ActiveDirectoryManagedIdentity", "ActiveDirectoryMSI",
      "ActiveDirectoryDefault");
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i);\\s*password\\s*=\\s*(\\{(?:[^}]|}})*}|[^;]*)");

  private final String url;
  private final String user;
  private final String password;
  private final String authentication;
  private final String encrypt;
  private final boolean trustServerCertificate;
  private final SqlServerFlavor flavor;
  private final String schema;
  private final int fetchSize;
  private final int batchSize;
  private final boolean tableLock;
  private final boolean identityInsert;
  private final String stagingLocation;
  private final Map<String, String> azureOptions;
  private final Map<String, String> driverProperties;
  private final Redactor redactor;

  private SqlServerOptions(ConnectorOptions o) {
    for (String key : o.asMap().keySet()) {
      if (!KEYS.contains(key) && !key.startsWith(PROPERTY_PREFIX) && !key.startsWith(AZURE_PREFIX)) {
        throw o.invalid(key, "is unknown; known options: " + String.join(", ", new TreeSet<>(KEYS))
            + ", " + PROPERTY_PREFIX + "<driver property> and the " + AZURE_PREFIX + "* options of Fabric staging");
      }
    }
    this.url = o.require(URL).trim();
    if (!url.startsWith("jdbc:sqlserver:")) {
      throw o.invalid(URL, "must start with jdbc:sqlserver:, e.g. jdbc:sqlserver://host:1433;databaseName=shop; got "
          + location(url));
    }
    this.user = o.get(USER).orElse(null);
    this.password = o.get(PASSWORD).orElse(null);
    this.authentication = o.get(AUTHENTICATION).map(String::trim).orElse(null);
    if (authentication != null && AUTHENTICATIONS.stream().noneMatch(a -> a.equalsIgnoreCase(authentication))) {
      throw o.invalid(AUTHENTICATION, "must be one of " + new TreeSet<>(AUTHENTICATIONS) + ", got '" + authentication + "'");
    }
    String enc = o.get(ENCRYPT, "true").trim().toLowerCase(java.util.Locale.ROOT);
    if (!Set.of("true", "false", "strict", "mandatory", "optional").contains(enc)) {
      throw o.invalid(ENCRYPT, "must be true, false or strict, got '" + enc + "'");
    }
    this.encrypt = enc;
    this.trustServerCertificate = o.getBoolean(TRUST_SERVER_CERTIFICATE, false);
    this.flavor = o.getEnum(FLAVOR, SqlServerFlavor.class, SqlServerFlavor.SQLSERVER);
    this.schema = o.get(SCHEMA, DEFAULT_SCHEMA);
    if (schema.isBlank()) {
      throw o.invalid(SCHEMA, "must not be empty");
    }
    this.fetchSize = o.getInt(FETCH_SIZE, DEFAULT_FETCH_SIZE);
    if (fetchSize < 1) {
      throw o.invalid(FETCH_SIZE, "must be at least 1, got " + fetchSize);
    }
    this.batchSize = o.getInt(BATCH_SIZE, 0);
    if (batchSize < 0) {
      throw o.invalid(BATCH_SIZE, "must not be negative, got " + batchSize);
    }
    this.tableLock = o.getBoolean(TABLE_LOCK, false);
    this.identityInsert = o.getBoolean(IDENTITY_INSERT, true);
    this.stagingLocation = o.get(FABRIC_STAGING_LOCATION).map(String::trim).orElse(null);
    if (flavor == SqlServerFlavor.FABRIC_WAREHOUSE && (stagingLocation == null || stagingLocation.isEmpty())) {
      throw o.invalid(FABRIC_STAGING_LOCATION, "is required for flavor fabric-warehouse: an ADLS Gen2 or Blob URL"
          + " where Parquet files are staged for COPY INTO");
    }
    if (stagingLocation != null && !stagingLocation.startsWith("abfss://") && !stagingLocation.startsWith("https://")
        && !stagingLocation.startsWith("file:")) {
      throw o.invalid(FABRIC_STAGING_LOCATION, "must be an abfss:// or https:// URL of ADLS Gen2 or Blob storage, got '"
          + Redactor.urlsOnly().scrub(stagingLocation) + "'");
    }
    Map<String, String> props = new TreeMap<>();
    Map<String, String> azure = new TreeMap<>();
    o.asMap().forEach((k, v) -> {
      if (k.startsWith(PROPERTY_PREFIX) && k.length() > PROPERTY_PREFIX.length()) {
        props.put(k.substring(PROPERTY_PREFIX.length()), v);
      } else if (k.startsWith(AZURE_PREFIX)) {
        azure.put(k, v);
      }
    });
    this.driverProperties = Map.copyOf(props);
    this.azureOptions = Map.copyOf(azure);
    List<String> secrets = new ArrayList<>(o.secretValues());
    if (password != null) {
      secrets.add(password);
    }
    for (String k : AZURE_SECRETS) {
      if (azure.get(k) != null) {
        secrets.add(azure.get(k));
      }
    }
    secrets.addAll(sasSignatures(azure.get("azure.sasToken")));
    secrets.addAll(embeddedPasswords(url));
    secrets.addAll(JdbcUrls.embeddedPasswords(url));
    this.redactor = Redactor.of(asWritten(secrets));
  }

  /** Reads and checks {@code options}; throws INVALID_OPTION naming the option that is wrong. */
  public static SqlServerOptions from(ConnectorOptions options) {
    return new SqlServerOptions(options);
  }

  /** {@code host:port} and database of a {@code jdbc:sqlserver://host:port;databaseName=db;...} URL, for messages. */
  static String location(String url) {
    if (url == null) {
      return "(no URL)";
    }
    Matcher m = Pattern.compile("^jdbc:sqlserver://([^;/]*)").matcher(url);
    String host = m.find() && !m.group(1).isEmpty() ? m.group(1) : "localhost";
    Matcher db = Pattern.compile("(?i);\\s*(?:databaseName|database)\\s*=\\s*([^;]*)").matcher(url);
    return db.find() ? host + "/" + db.group(1) : host;
  }

  /**
   * Every secret also in the forms statements and server messages write it: a SAS token without its leading
   * {@code ?}, and each with single quotes doubled, as in a T-SQL literal (COPY INTO's {@code SECRET = '...'}),
   * which a server error may quote back.
   */
  static List<String> asWritten(List<String> secrets) {
    List<String> out = new ArrayList<>();
    for (String s : secrets) {
      String bare = s.startsWith("?") ? s.substring(1) : s;
      for (String form : List.of(s, bare)) {
        out.add(form);
        out.add(form.replace("'", "''"));
      }
    }
    return out;
  }

  /**
   * The {@code sig} of a SAS token, as written and URL-decoded: the part of the token that is the secret, which a
   * message may quote on its own.
   */
  static List<String> sasSignatures(String sasToken) {
    List<String> out = new ArrayList<>();
    if (sasToken != null) {
      for (String param : sasToken.replaceFirst("^\\?", "").split("&")) {
        if (param.regionMatches(true, 0, "sig=", 0, 4) && param.length() > 4) {
          String sig = param.substring(4);
          out.add(sig);
          try {
            out.add(java.net.URLDecoder.decode(sig, java.nio.charset.StandardCharsets.UTF_8));
          } catch (IllegalArgumentException badEscape) {
            // the raw form is masked already
          }
        }
      }
    }
    return out;
  }

  /** Passwords written into the URL ({@code ;password=...}, also in braces), to redact. */
  static List<String> embeddedPasswords(String url) {
    List<String> out = new ArrayList<>();
    Matcher m = URL_PASSWORD.matcher(url);
    while (m.find()) {
      String v = m.group(1);
      if (!v.isEmpty()) {
        out.add(v);
        if (v.startsWith("{") && v.endsWith("}") && v.length() > 2) {
          out.add(v.substring(1, v.length() - 1).replace("}}", "}"));
        }
      }
    }
    return out;
  }

  public String url() { return url; }

  public Optional<String> user() { return Optional.ofNullable(user); }

  Optional<String> password() { return Optional.ofNullable(password); }

  public Optional<String> authentication() { return Optional.ofNullable(authentication); }

  public String encrypt() { return encrypt; }

  public boolean trustServerCertificate() { return trustServerCertificate; }

  public SqlServerFlavor flavor() { return flavor; }

  public String schema() { return schema; }

  public int fetchSize() { return fetchSize; }

  public int batchSize() { return batchSize; }

  public boolean tableLock() { return tableLock; }

  public boolean identityInsert() { return identityInsert; }

  public Optional<String> stagingLocation() { return Optional.ofNullable(stagingLocation); }

  /** The azure.* options, secrets included, for the staging file store and the COPY INTO credential. */
  Map<String, String> azureOptions() { return azureOptions; }

  public Redactor redactor() { return redactor; }

  /** {@code host:port/database}, safe for messages. */
  public String location() {
    return location(url);
  }

  /**
   * The driver properties of a new connection: credentials, {@code encrypt}, {@code trustServerCertificate},
   * {@code authentication}; reads stream ({@code responseBuffering=adaptive}, {@code selectMethod=cursor} would
   * use server cursors and is left to {@code property.selectMethod}); {@code sendTimeAsDatetime=false} so
   * java.sql.Time parameters are sent as time, and the application name.
   */
  Properties driverProperties() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("applicationName", "copyjob");
    p.put("responseBuffering", "adaptive");
    p.put("sendTimeAsDatetime", "false");
    p.put("encrypt", encrypt);
    p.put("trustServerCertificate", Boolean.toString(trustServerCertificate));
    if (authentication != null) {
      p.put("authentication", authentication);
    }
    p.putAll(driverProperties);
    if (user != null) {
      p.put("user", user);
    }
    if (password != null) {
      p.put("password", password);
    }
    Properties out = new Properties();
    out.putAll(p);
    return out;
  }
}
