package io.copyjob.storage.s3;

import io.copyjob.testkit.S3ProxyServer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options and stores against the test kit's s3proxy. */
final class S3ProxyFixture {
  private S3ProxyFixture() {
  }

  static S3ProxyServer server() {
    return S3ProxyServer.get();
  }

  /** The S3 options that reach the test server, plus {@code extra} key, value pairs. */
  static Map<String, String> options(String... extra) {
    S3ProxyServer s = server();
    Map<String, String> options = new LinkedHashMap<>();
    options.put(S3Options.ENDPOINT, s.endpoint().toString());
    options.put(S3Options.REGION, s.region());
    options.put(S3Options.PATH_STYLE, "true");
    options.put(S3Options.ACCESS_KEY_ID, s.accessKeyId());
    options.put(S3Options.SECRET_ACCESS_KEY, s.secretAccessKey());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      options.put(extra[i], extra[i + 1]);
    }
    return options;
  }

  /** A store on a fresh bucket under {@code prefix} ({@code ""} for the bucket root). */
  static S3FileStore store(String testName, String prefix, String... extra) {
    String bucket = server().newBucket(testName);
    return open("s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix), extra);
  }

  static S3FileStore open(String location, String... extra) {
    return (S3FileStore) new S3FileStoreProvider().open(java.net.URI.create(location), options(extra));
  }
}
