package io.copyjob.storage.delta;

import io.copyjob.ConnectorSpec;
import io.copyjob.testkit.S3ProxyServer;

/** The Delta contract on S3 (s3proxy): log commits with conditional PUTs, data through multipart uploads. */
class DeltaS3IT extends DeltaCopyContract {
  @Override
  ConnectorSpec lake(String test) {
    S3ProxyServer s3 = S3ProxyServer.get();
    return DeltaLocation.builder("s3://" + s3.newBucket("delta-" + test) + "/lake")
        .option("s3.endpoint", s3.endpoint().toString()).option("s3.region", s3.region())
        .option("s3.pathStyle", "true").option("s3.accessKeyId", s3.accessKeyId())
        .option("s3.secretAccessKey", s3.secretAccessKey()).build();
  }
}
