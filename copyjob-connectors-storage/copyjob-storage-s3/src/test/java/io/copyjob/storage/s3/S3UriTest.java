package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class S3UriTest {

  @Test
  void parsesBucketAndPrefix() {
    assertThat(S3Uri.parse("s3://bucket")).isEqualTo(new S3Uri("bucket", ""));
    assertThat(S3Uri.parse("s3://bucket/")).isEqualTo(new S3Uri("bucket", ""));
    assertThat(S3Uri.parse("s3://bucket/lake")).isEqualTo(new S3Uri("bucket", "lake"));
    assertThat(S3Uri.parse("S3://my.bucket-1/lake/raw/")).isEqualTo(new S3Uri("my.bucket-1", "lake/raw"));
    assertThat(S3Uri.parse("s3a://legacy_bucket/x")).isEqualTo(new S3Uri("legacy_bucket", "x"));
    assertThat(S3Uri.parse("s3://bucket/with%20space/x")).isEqualTo(new S3Uri("bucket", "with space/x"));
  }

  @Test
  void rejectsWhatIsNoBucketFolder() {
    assertThatThrownBy(() -> S3Uri.parse("s3:///lake")).hasMessageContaining("needs a bucket");
    assertThatThrownBy(() -> S3Uri.parse("s3://bucket:9000/lake")).hasMessageContaining("s3.endpoint");
    assertThatThrownBy(() -> S3Uri.parse("s3://bucket/a//b")).hasMessageContaining("empty, '.' or '..'");
    assertThatThrownBy(() -> S3Uri.parse("s3://bucket/a/../b")).hasMessageContaining("empty, '.' or '..'");
    assertThatThrownBy(() -> S3Uri.parse("s3://bucket/x?versionId=1")).hasMessageContaining("no query");
    assertThatThrownBy(() -> S3Uri.parse("file:/tmp")).hasMessageContaining("not an s3://");
    assertThatThrownBy(() -> S3Uri.parse("s3://b/x")).hasMessageContaining("not a valid bucket name");
  }

  @Test
  void credentialsInTheLocationAreRejectedWithoutRepeatingThem() {
    assertThatThrownBy(() -> S3Uri.parse("s3://AKID:hunter2@bucket/lake"))
        .hasMessageContaining("must not contain credentials").hasMessageNotContaining("hunter2");
  }

  @Test
  void mapsStorePathsToKeysAndBack() {
    S3Uri lake = new S3Uri("bucket", "lake/raw");
    assertThat(lake.key("sales/orders/part-0.csv")).isEqualTo("lake/raw/sales/orders/part-0.csv");
    assertThat(lake.listPrefix("")).isEqualTo("lake/raw/");
    assertThat(lake.listPrefix("sales/orders")).isEqualTo("lake/raw/sales/orders/");
    assertThat(lake.path("lake/raw/sales/orders/part-0.csv")).contains("sales/orders/part-0.csv");
    assertThat(lake.path("lake/raw-copy/x.csv")).isEmpty();
    assertThat(lake.path("lake/raw/sales/")).isEmpty();
    assertThat(lake.path("lake/raw/a//b")).isEmpty();
    assertThat(lake.path("lake/raw/")).isEmpty();

    S3Uri root = new S3Uri("bucket", "");
    assertThat(root.key("a/b.parquet")).isEqualTo("a/b.parquet");
    assertThat(root.listPrefix("")).isEmpty();
    assertThat(root.listPrefix("a")).isEqualTo("a/");
    assertThat(root.path("a/b.parquet")).contains("a/b.parquet");
    assertThat(root.path("a/")).isEmpty();

    assertThatThrownBy(() -> lake.key("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lake.key("../escape")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lake.listPrefix("/abs")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rendersAsAnS3Uri() {
    assertThat(new S3Uri("bucket", "lake/raw").toUri()).isEqualTo(URI.create("s3://bucket/lake/raw"));
    assertThat(new S3Uri("bucket", "").toUri()).isEqualTo(URI.create("s3://bucket"));
    assertThat(new S3Uri("bucket", "with space").toUri().toString()).isEqualTo("s3://bucket/with%20space");
    assertThat(new S3Uri("bucket", "lake").toString()).isEqualTo("s3://bucket/lake");
    assertThat(S3Uri.isS3(URI.create("s3://b/x"))).isTrue();
    assertThat(S3Uri.isS3(URI.create("S3A://b/x"))).isTrue();
    assertThat(S3Uri.isS3(URI.create("file:/x"))).isFalse();
    assertThat(S3Uri.isS3(URI.create("relative/x"))).isFalse();
  }
}
