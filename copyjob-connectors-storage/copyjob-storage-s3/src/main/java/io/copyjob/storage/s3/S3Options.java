package io.copyjob.storage.s3;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The options of the S3 file store, read from the {@code files} (or {@code delta}) connector's option map and
 * checked without touching the network. Every problem is an {@code INVALID_OPTION} error naming the option;
 * secret values never appear in a message or in {@link #toString()}.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #REGION}</td><td>the bucket's AWS region, e.g. {@code eu-west-1}</td><td>the SDK's default
 *       region chain ({@code AWS_REGION}, {@code ~/.aws/config}, instance metadata); {@code us-east-1} when
 *       {@value #ENDPOINT} is set</td></tr>
 *   <tr><td>{@value #ENDPOINT}</td><td>endpoint override for S3-compatible stores (MinIO, Ceph, R2, ...) or
 *       VPC endpoints: an {@code http} or {@code https} URL</td><td>AWS's endpoint for the region</td></tr>
 *   <tr><td>{@value #PATH_STYLE}</td><td>{@code true}: address buckets as {@code endpoint/bucket/key} instead of
 *       {@code bucket.endpoint/key}</td><td>{@code true} when {@value #ENDPOINT} is set, else {@code false}</td></tr>
 *   <tr><td>{@value #ACCESS_KEY_ID}</td><td>static credentials: the access key id (secret)</td><td>the SDK's
 *       default credentials provider chain (environment, system properties, profile, web identity, container
 *       and instance roles)</td></tr>
 *   <tr><td>{@value #SECRET_ACCESS_KEY}</td><td>the secret access key; required with
 *       {@value #ACCESS_KEY_ID} (secret)</td><td></td></tr>
 *   <tr><td>{@value #SESSION_TOKEN}</td><td>session token of temporary credentials; only with
 *       {@value #ACCESS_KEY_ID} (secret)</td><td>none</td></tr>
 *   <tr><td>{@value #ANONYMOUS}</td><td>{@code true}: unsigned requests, for reading a bucket that anyone may
 *       read (public data sets); excludes static credentials</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #PART_SIZE_BYTES}</td><td>multipart upload part size in bytes, 5 MiB to 5 GiB; a file being
 *       written holds at most two parts in memory, and files smaller than one part are uploaded with one
 *       {@code PutObject}</td><td>16 MiB</td></tr>
 *   <tr><td>{@value #LIST_PAGE_SIZE}</td><td>keys per {@code ListObjectsV2} page, 1 to 1000</td>
 *       <td>1000</td></tr>
 *   <tr><td>{@value #MAX_ATTEMPTS}</td><td>attempts per request, for throttling, 5xx and network errors (the
 *       SDK's standard retry strategy with backoff)</td><td>5</td></tr>
 * </table>
 *
 * <p>Keys starting with {@code s3.} that are not listed here are rejected, so a misspelt option does not pass
 * silently.
 */
public final class S3Options {
  public static final String REGION = "s3.region";
  public static final String ENDPOINT = "s3.endpoint";
  public static final String PATH_STYLE = "s3.pathStyle";
  public static final String ACCESS_KEY_ID = "s3.accessKeyId";
  public static final String SECRET_ACCESS_KEY = "s3.secretAccessKey";
  public static final String SESSION_TOKEN = "s3.sessionToken";
  public static final String ANONYMOUS = "s3.anonymous";
  public static final String PART_SIZE_BYTES = "s3.partSizeBytes";
  public static final String LIST_PAGE_SIZE = "s3.listPageSize";
  public static final String MAX_ATTEMPTS = "s3.maxAttempts";

  /** Every option this store reads. */
  public static final Set<String> NAMES = Set.of(REGION, ENDPOINT, PATH_STYLE, ACCESS_KEY_ID, SECRET_ACCESS_KEY,
      SESSION_TOKEN, ANONYMOUS, PART_SIZE_BYTES, LIST_PAGE_SIZE, MAX_ATTEMPTS);
  /** The options whose values are secret. */
  public static final Set<String> SENSITIVE = Set.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN);

  public static final long MIN_PART_SIZE = 5L << 20;
  public static final long MAX_PART_SIZE = 5L << 30;
  public static final long DEFAULT_PART_SIZE = 16L << 20;
  /** S3's limit on the number of parts of one multipart upload. */
  public static final int MAX_PARTS = 10_000;

  private static final Pattern REGION_PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  private static final String MASK = "****";

  private final Optional<String> region;
  private final Optional<URI> endpoint;
  private final boolean pathStyle;
  private final Optional<String> accessKeyId;
  private final Optional<String> secretAccessKey;
  private final Optional<String> sessionToken;
  private final boolean anonymous;
  private final long partSizeBytes;
  private final int listPageSize;
  private final int maxAttempts;

  private S3Options(Optional<String> region, Optional<URI> endpoint, boolean pathStyle, Optional<String> accessKeyId,
      Optional<String> secretAccessKey, Optional<String> sessionToken, boolean anonymous, long partSizeBytes,
      int listPageSize, int maxAttempts) {
    this.region = region;
    this.endpoint = endpoint;
    this.pathStyle = pathStyle;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.sessionToken = sessionToken;
    this.anonymous = anonymous;
    this.partSizeBytes = partSizeBytes;
    this.listPageSize = listPageSize;
    this.maxAttempts = maxAttempts;
  }

  /**
   * Reads and checks the S3 options in {@code options}, ignoring keys that do not start with {@code s3.}.
   *
   * @throws CopyJobException {@code INVALID_OPTION} naming the offending option (never its secret value)
   */
  public static S3Options parse(Map<String, String> options) {
    for (String key : options.keySet()) {
      if (key.startsWith("s3.") && !NAMES.contains(key)) {
        throw invalid(key, "is unknown; the S3 store's options are " + String.join(", ", new TreeSet<>(NAMES)));
      }
    }
    Optional<String> region = text(options, REGION);
    region.ifPresent(r -> {
      if (!REGION_PATTERN.matcher(r).matches()) {
        throw invalid(REGION, "must be a region name such as eu-west-1, got '" + r + "'");
      }
    });
    Optional<URI> endpoint = text(options, ENDPOINT).map(S3Options::endpoint);
    boolean pathStyle = bool(options, PATH_STYLE, endpoint.isPresent());
    Optional<String> keyId = text(options, ACCESS_KEY_ID);
    Optional<String> secret = text(options, SECRET_ACCESS_KEY);
    Optional<String> token = text(options, SESSION_TOKEN);
    if (keyId.isPresent() && secret.isEmpty()) {
      throw invalid(SECRET_ACCESS_KEY, "is required when " + ACCESS_KEY_ID + " is set");
    }
    if (secret.isPresent() && keyId.isEmpty()) {
      throw invalid(ACCESS_KEY_ID, "is required when " + SECRET_ACCESS_KEY + " is set");
    }
    if (token.isPresent() && keyId.isEmpty()) {
      throw invalid(SESSION_TOKEN, "is only used with " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
    }
    boolean anonymous = bool(options, ANONYMOUS, false);
    if (anonymous && keyId.isPresent()) {
      throw invalid(ANONYMOUS, "conflicts with " + ACCESS_KEY_ID + ": give one way to authenticate");
    }
    long partSize = number(options, PART_SIZE_BYTES, DEFAULT_PART_SIZE);
    if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
      throw invalid(PART_SIZE_BYTES, "must be between " + MIN_PART_SIZE + " (5 MiB) and " + MAX_PART_SIZE
          + " (5 GiB), S3's limits for a part, got " + partSize);
    }
    long pageSize = number(options, LIST_PAGE_SIZE, 1000);
    if (pageSize < 1 || pageSize > 1000) {
      throw invalid(LIST_PAGE_SIZE, "must be between 1 and 1000, got " + pageSize);
    }
    long attempts = number(options, MAX_ATTEMPTS, 5);
    if (attempts < 1 || attempts > 20) {
      throw invalid(MAX_ATTEMPTS, "must be between 1 and 20, got " + attempts);
    }
    return new S3Options(region, endpoint, pathStyle, keyId, secret, token, anonymous, partSize, (int) pageSize,
        (int) attempts);
  }

  private static URI endpoint(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw invalid(ENDPOINT, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw invalid(ENDPOINT, "must be an http or https URL with a host, such as https://minio.example.com:9000");
    }
    if (uri.getRawUserInfo() != null) {
      // Do not echo the value: the user info may be a key and a secret.
      throw invalid(ENDPOINT, "must not contain user info; set " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(ENDPOINT, "must not have a query or a fragment, got '" + uri + "'");
    }
    return uri;
  }

  private static Optional<String> text(Map<String, String> options, String key) {
    String v = options.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v.isBlank()) {
      throw invalid(key, "must not be empty");
    }
    return Optional.of(SENSITIVE.contains(key) ? v : v.trim());
  }

  private static boolean bool(Map<String, String> options, String key, boolean defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true": return true;
      case "false": return false;
      default: throw invalid(key, "must be true or false, got '" + v + "'");
    }
  }

  private static long number(Map<String, String> options, String key, long defaultValue) {
    String v = options.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number, got '" + v + "'");
    }
  }

  static CopyJobException invalid(String key, String problem) {
    return CopyJobException.of(ErrorCode.INVALID_OPTION, "option '" + key + "' of the S3 file store " + problem);
  }

  public Optional<String> region() {
    return region;
  }

  public Optional<URI> endpoint() {
    return endpoint;
  }

  public boolean pathStyle() {
    return pathStyle;
  }

  /** Whether requests go unsigned (public buckets). */
  public boolean anonymous() {
    return anonymous;
  }

  /** Whether static credentials are set; otherwise the SDK's default provider chain is used. */
  public boolean hasStaticCredentials() {
    return accessKeyId.isPresent();
  }

  Optional<String> accessKeyId() {
    return accessKeyId;
  }

  Optional<String> secretAccessKey() {
    return secretAccessKey;
  }

  Optional<String> sessionToken() {
    return sessionToken;
  }

  public long partSizeBytes() {
    return partSizeBytes;
  }

  public int listPageSize() {
    return listPageSize;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** The secret values that are set, for {@link #redact(String)}. */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>(3);
    accessKeyId.ifPresent(secrets::add);
    secretAccessKey.ifPresent(secrets::add);
    sessionToken.ifPresent(secrets::add);
    return secrets;
  }

  /** {@code text} with every secret value replaced by {@code ****}; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String secret : secrets()) {
      out = out.replace(secret, MASK);
    }
    return out;
  }

  /** The settings without secrets: {@code S3Options{region=..., credentials=static, ...}}. */
  @Override
  public String toString() {
    return "S3Options{region=" + region.orElse("(default chain)")
        + ", endpoint=" + endpoint.map(URI::toString).orElse("(AWS)")
        + ", pathStyle=" + pathStyle
        + ", credentials=" + (accessKeyId.isPresent() ? sessionToken.isPresent() ? "static session ****"
            : "static ****" : anonymous ? "anonymous" : "default chain")
        + ", partSizeBytes=" + partSizeBytes
        + ", listPageSize=" + listPageSize
        + ", maxAttempts=" + maxAttempts + "}";
  }
}
