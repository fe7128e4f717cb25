package io.copyjob.storage.s3;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStoreProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Opens {@link S3FileStore}s for {@code s3://bucket/prefix} locations (and {@code s3a://}, as Hadoop writes
 * them). Found by the files connector through {@link java.util.ServiceLoader}; reads the options described in
 * {@link S3Options} from the connector's options and ignores the others.
 *
 * <p>The client uses the JDK's {@code HttpURLConnection} (the SDK's {@code url-connection-client}), so the
 * artifact pulls neither Netty nor Apache HttpClient.
 */
public final class S3FileStoreProvider implements FileStoreProvider {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

  @Override
  public boolean supports(URI location) {
    return S3Uri.isS3(location);
  }

  /** The option keys this store reads, for a connector's validation ({@link S3Options#NAMES}). */
  public Set<String> optionNames() {
    return S3Options.NAMES;
  }

  /** The option keys whose values are secret ({@link S3Options#SENSITIVE}): masked and redacted by the connector. */
  @Override
  public Set<String> sensitiveOptions() {
    return S3Options.SENSITIVE;
  }

  @Override
  public FileStore open(URI location, Map<String, String> options) {
    S3Uri uri;
    try {
      uri = S3Uri.parse(location);
    } catch (IllegalArgumentException e) {
      throw CopyJobException.of(ErrorCode.INVALID_OPTION, "option 'location' is not a valid S3 location: "
          + e.getMessage());
    }
    S3Options parsed = S3Options.parse(options);
    return new S3FileStore(uri, parsed, client(parsed), true);
  }

  /** An S3 client configured from {@code options}. The caller closes it. */
  public static S3Client client(S3Options options) {
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(CONNECT_TIMEOUT)
            .socketTimeout(SOCKET_TIMEOUT))
        .region(region(options))
        .credentialsProvider(credentials(options))
        .forcePathStyle(options.pathStyle())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
            .maxAttempts(options.maxAttempts()).build()));
    options.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  private static Region region(S3Options options) {
    if (options.region().isPresent()) {
      return Region.of(options.region().get());
    }
    if (options.endpoint().isPresent()) {
      // S3-compatible stores mostly ignore the region, but SigV4 needs one.
      return Region.US_EAST_1;
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkException e) {
      throw CopyJobException.of(ErrorCode.INVALID_OPTION, "option '" + S3Options.REGION + "' of the S3 file store "
          + "is not set and no default region was found (AWS_REGION, aws.region, ~/.aws/config, instance metadata)");
    }
  }

  private static AwsCredentialsProvider credentials(S3Options options) {
    if (options.anonymous()) {
      return AnonymousCredentialsProvider.create();
    }
    if (!options.hasStaticCredentials()) {
      return DefaultCredentialsProvider.builder().build();
    }
    String id = options.accessKeyId().orElseThrow();
    String secret = options.secretAccessKey().orElseThrow();
    return StaticCredentialsProvider.create(options.sessionToken()
        .<software.amazon.awssdk.auth.credentials.AwsCredentials>map(t -> AwsSessionCredentials.create(id, secret, t))
        .orElseGet(() -> AwsBasicCredentials.create(id, secret)));
  }
}
