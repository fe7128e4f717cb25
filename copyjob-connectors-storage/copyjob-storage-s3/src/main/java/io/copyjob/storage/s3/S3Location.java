package io.copyjob.storage.s3;

import io.copyjob.ConnectorSpec;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link ConnectorSpec} of a {@code files} source or destination on S3 in code. It is a
 * {@link FilesLocation} with the {@link S3Options} set by name, so a job built here and one read from JSON with
 * the same options are the same job.
 *
 * <pre>{@code
 * S3Location.builder().uri("s3://lake-bucket/raw").region("eu-west-1").format(FilesLocation.Format.PARQUET).build()
 * S3Location.builder().uri("s3://bucket/lake").endpoint("http://127.0.0.1:9000").pathStyle(true)
 *     .credentials(keyId, secret).format(FilesLocation.Format.CSV).build()
 * }</pre>
 *
 * Without {@link Builder#credentials credentials} the SDK's default chain is used (environment, profile,
 * instance or container role).
 */
public final class S3Location {
  private S3Location() {
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an S3 files {@link ConnectorSpec}. Not thread-safe. */
  public static final class Builder {
    private final FilesLocation.Builder files = FilesLocation.builder();
    private final Map<String, String> s3 = new LinkedHashMap<>();
    private String uri;

    private Builder() {
    }

    /** The folder: {@code s3://bucket} or {@code s3://bucket/prefix}. Required. */
    public Builder uri(String uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /** The folder: {@code s3://bucket} or {@code s3://bucket/prefix}. Required. */
    public Builder uri(URI uri) {
      return uri(uri.toString());
    }

    /** {@value S3Options#REGION}: the bucket's region. */
    public Builder region(String region) {
      return set(S3Options.REGION, region);
    }

    /** {@value S3Options#ENDPOINT}: the URL of an S3-compatible store or a VPC endpoint. */
    public Builder endpoint(String endpoint) {
      return set(S3Options.ENDPOINT, endpoint);
    }

    /** {@value S3Options#ENDPOINT}. */
    public Builder endpoint(URI endpoint) {
      return endpoint(endpoint.toString());
    }

    /**
     * {@value S3Options#PATH_STYLE}: {@code true} for {@code endpoint/bucket/key} addressing, {@code false} for
     * {@code bucket.endpoint/key}.
     */
    public Builder pathStyle(boolean pathStyle) {
      return set(S3Options.PATH_STYLE, Boolean.toString(pathStyle));
    }

    /** Static credentials: {@value S3Options#ACCESS_KEY_ID} and {@value S3Options#SECRET_ACCESS_KEY}. */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      s3.remove(S3Options.SESSION_TOKEN);
      set(S3Options.ACCESS_KEY_ID, accessKeyId);
      return set(S3Options.SECRET_ACCESS_KEY, secretAccessKey);
    }

    /** Temporary credentials: a key pair and its {@value S3Options#SESSION_TOKEN}. */
    public Builder sessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
      credentials(accessKeyId, secretAccessKey);
      return set(S3Options.SESSION_TOKEN, sessionToken);
    }

    /** {@value S3Options#PART_SIZE_BYTES}: the multipart upload part size, 5 MiB to 5 GiB. */
    public Builder partSizeBytes(long bytes) {
      return set(S3Options.PART_SIZE_BYTES, Long.toString(bytes));
    }

    /** The file format; required for a destination, by extension for a source when not set. */
    public Builder format(FilesLocation.Format format) {
      files.format(format);
      return this;
    }

    /** The Parquet codec; zstd when not set. */
    public Builder compression(ParquetCompression compression) {
      files.compression(compression);
      return this;
    }

    /** Any other option of the files connector ({@code csv.delimiter}, {@code maxRowsPerFile}, ...). */
    public Builder option(String key, String value) {
      if (key.startsWith("s3.")) {
        return set(key, value);
      }
      files.option(key, value);
      return this;
    }

    private Builder set(String key, String value) {
      s3.put(key, Objects.requireNonNull(value, () -> "value of " + key));
      return this;
    }

    /**
     * The spec. Checks the location and the S3 options without connecting.
     *
     * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming a bad option (never a secret's value)
     */
    public ConnectorSpec build() {
      if (uri == null) {
        throw S3Options.invalid("location", "is required: s3://bucket/prefix");
      }
      try {
        S3Uri.parse(uri);
      } catch (IllegalArgumentException e) {
        throw io.copyjob.CopyJobException.of(io.copyjob.ErrorCode.INVALID_OPTION,
            "option 'location' is not a valid S3 location: " + e.getMessage());
      }
      S3Options.parse(s3);
      files.location(uri);
      s3.forEach(files::option);
      return files.build();
    }
  }
}
