package io.copyjob.storage.s3;

import io.copyjob.storage.files.store.StorePaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A store location {@code s3://bucket/prefix} and the mapping between store paths and object keys: the store
 * path {@code a/b.csv} is the key {@code prefix/a/b.csv} (or {@code a/b.csv} when the prefix is empty).
 *
 * @param bucket the bucket name
 * @param prefix the key prefix without leading or trailing {@code /}; empty for the whole bucket
 */
public record S3Uri(String bucket, String prefix) {
  /** Bucket names as S3 and S3-compatible stores accept them (AWS is stricter for new buckets). */
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,254}");

  /** Checks the bucket and prefix. */
  public S3Uri {
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("'" + bucket + "' is not a valid bucket name");
    }
    StorePaths.check(prefix);
  }

  /** Whether {@code location} is an {@code s3:} URI (also {@code s3a:}, as Hadoop and Spark write them). */
  public static boolean isS3(URI location) {
    String scheme = location.getScheme();
    return scheme != null && (scheme.equalsIgnoreCase("s3") || scheme.equalsIgnoreCase("s3a"));
  }

  /**
   * Parses {@code s3://bucket}, {@code s3://bucket/}, {@code s3://bucket/lake/raw/}.
   *
   * @throws IllegalArgumentException with a message that never repeats user info (it may hold a secret)
   */
  public static S3Uri parse(URI location) {
    if (!isS3(location)) {
      throw new IllegalArgumentException("not an s3:// location: " + location.getScheme() + ":...");
    }
    if (location.getRawUserInfo() != null) {
      throw new IllegalArgumentException("an s3:// location must not contain credentials; set s3.accessKeyId and "
          + "s3.secretAccessKey");
    }
    if (location.getRawQuery() != null || location.getRawFragment() != null) {
      throw new IllegalArgumentException("an s3:// location has no query or fragment: " + location);
    }
    // A bucket with characters URI does not accept as a host (underscore) leaves getHost() null.
    String bucket = Optional.ofNullable(location.getHost()).orElse(location.getAuthority());
    if (bucket == null || bucket.isEmpty()) {
      throw new IllegalArgumentException("an s3:// location needs a bucket: s3://bucket/prefix, got " + location);
    }
    if (location.getPort() != -1) {
      throw new IllegalArgumentException("an s3:// location has no port; set s3.endpoint for another server");
    }
    String path = Optional.ofNullable(location.getPath()).orElse("");
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      StorePaths.check(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key prefix of " + location + " has an empty, '.' or '..' segment");
    }
    return new S3Uri(bucket, path);
  }

  /** Parses a location string. */
  public static S3Uri parse(String location) {
    try {
      return parse(new URI(location));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URI: " + e.getReason());
    }
  }

  /** {@code s3://bucket/prefix}, lower-case scheme, no trailing slash. */
  public URI toUri() {
    try {
      return new URI("s3", bucket, prefix.isEmpty() ? null : "/" + prefix, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The object key of a store path. */
  public String key(String path) {
    StorePaths.check(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the store's location itself is not a file");
    }
    return prefix.isEmpty() ? path : prefix + "/" + path;
  }

  /** The key prefix that lists everything below the store folder {@code folder}: ends with {@code /} or is empty. */
  public String listPrefix(String folder) {
    String base = StorePaths.join(prefix, StorePaths.check(folder));
    return base.isEmpty() ? "" : base + "/";
  }

  /**
   * The store path of an object key, or empty when the key is not below the prefix or is no valid store path
   * (a {@code folder/} marker, {@code a//b}): such objects are not files of this store.
   */
  public Optional<String> path(String key) {
    String rest;
    if (prefix.isEmpty()) {
      rest = key;
    } else if (key.startsWith(prefix + "/")) {
      rest = key.substring(prefix.length() + 1);
    } else {
      return Optional.empty();
    }
    try {
      return rest.isEmpty() ? Optional.empty() : Optional.of(StorePaths.check(rest));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
