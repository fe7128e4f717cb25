package io.copyjob.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStoreProvider;
import io.copyjob.storage.files.store.FileStores;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider found through ServiceLoader from minimal options, and the typed {@link S3Location}. */
class S3FileStoreProviderTest {
  private static final String SECRET = "S3cr3t/Access+Key";

  @Test
  void serviceLoaderFindsTheProviderForS3Locations() {
    assertThat(FileStores.providers()).filteredOn(p -> p instanceof S3FileStoreProvider).hasSize(1);
    FileStoreProvider s3 = new S3FileStoreProvider();
    assertThat(s3.supports(URI.create("s3://bucket/lake"))).isTrue();
    assertThat(s3.supports(URI.create("s3a://bucket/lake"))).isTrue();
    assertThat(s3.supports(URI.create("file:/tmp"))).isFalse();
    assertThat(s3.supports(URI.create("https://account.blob.core.windows.net/c"))).isFalse();

    // Opening makes no request: a store on a placeholder endpoint opens and closes.
    try (FileStore store = FileStores.open("s3://bucket/lake/", Map.of(S3Options.ENDPOINT, "http://127.0.0.1:1",
        S3Options.ACCESS_KEY_ID, "AKID", S3Options.SECRET_ACCESS_KEY, SECRET, "format", "csv"))) {
      assertThat(store).isInstanceOf(S3FileStore.class);
      assertThat(store.location()).isEqualTo(URI.create("s3://bucket/lake"));
      assertThat(store.displayName("a/b.csv")).isEqualTo("s3://bucket/lake/a/b.csv");
      assertThat(store.displayName("")).isEqualTo("s3://bucket/lake");
      assertThat(store.toString()).contains("s3://bucket/lake", "http://127.0.0.1:1").doesNotContain(SECRET, "AKID");
    }
  }

  @Test
  void theRegionComesFromTheOptionOrTheEndpoint() {
    try (S3FileStore store = (S3FileStore) FileStores.open("s3://bucket", Map.of(S3Options.REGION, "eu-central-1",
        S3Options.ACCESS_KEY_ID, "AKID", S3Options.SECRET_ACCESS_KEY, SECRET))) {
      assertThat(store.client().serviceClientConfiguration().region().id()).isEqualTo("eu-central-1");
    }
    try (S3FileStore store = (S3FileStore) FileStores.open("s3://bucket", Map.of(S3Options.ENDPOINT,
        "http://localhost:9000"))) {
      assertThat(store.client().serviceClientConfiguration().region().id()).isEqualTo("us-east-1");
      assertThat(store.client().serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://localhost:9000"));
    }
  }

  @Test
  void badLocationsAndOptionsAreInvalidOptions() {
    assertThatThrownBy(() -> FileStores.open("s3://AKID:" + "hunter2@bucket/x", Map.of()))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
        .hasMessageContaining("option 'location'").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> FileStores.open("s3://bucket/x", Map.of("s3.endpiont", "http://x")))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
        .hasMessageContaining("s3.endpiont");
  }

  @Test
  void s3LocationBuildsAFilesSpecWithTheSameOptions() {
    ConnectorSpec spec = S3Location.builder().uri("s3://bucket/lake").region("eu-west-1")
        .endpoint("http://127.0.0.1:9000").pathStyle(true).credentials("AKID", SECRET)
        .partSizeBytes(8L << 20).format(FilesLocation.Format.PARQUET).option("maxRowsPerFile", "1000")
        .option("fileName", "part-{run}-{writer}-{seq}.{ext}").build();
    assertThat(spec.type()).isEqualTo("files");
    assertThat(spec.options()).containsEntry("location", "s3://bucket/lake").containsEntry("format", "parquet")
        .containsEntry(S3Options.REGION, "eu-west-1").containsEntry(S3Options.ENDPOINT, "http://127.0.0.1:9000")
        .containsEntry(S3Options.PATH_STYLE, "true").containsEntry(S3Options.ACCESS_KEY_ID, "AKID")
        .containsEntry(S3Options.SECRET_ACCESS_KEY, SECRET).containsEntry(S3Options.PART_SIZE_BYTES, "8388608")
        .containsEntry("maxRowsPerFile", "1000");
    // The same job as one written by hand.
    ConnectorSpec byHand = FilesLocation.builder().location("s3://bucket/lake").format(FilesLocation.Format.PARQUET)
        .option("maxRowsPerFile", "1000").option("fileName", "part-{run}-{writer}-{seq}.{ext}")
        .option(S3Options.REGION, "eu-west-1").option(S3Options.ENDPOINT, "http://127.0.0.1:9000")
        .option(S3Options.PATH_STYLE, "true").option(S3Options.ACCESS_KEY_ID, "AKID")
        .option(S3Options.SECRET_ACCESS_KEY, SECRET).option(S3Options.PART_SIZE_BYTES, "8388608").build();
    assertThat(spec).isEqualTo(byHand);
    assertThat(spec.toString()).doesNotContain(SECRET, "AKID");

    ConnectorProvider files = ConnectorRegistry.find("files");
    files.validateOptions(spec.toOptions(files), ConnectorRole.SINK);
    assertThat(spec.toOptions(files).toString()).doesNotContain(SECRET, "AKID");
    assertThat(spec.toOptions(files).secretValues()).contains(SECRET, "AKID");
    assertThat(files.sensitiveOptions()).containsAll(S3Options.SENSITIVE);

    ConnectorSpec session = S3Location.builder().uri("s3://bucket").sessionCredentials("AKID", SECRET, "TOKEN-1")
        .build();
    assertThat(session.options()).containsEntry(S3Options.SESSION_TOKEN, "TOKEN-1");
    assertThat(session.toString()).doesNotContain("TOKEN-1");
  }

  @Test
  void s3LocationChecksWithoutConnecting() {
    assertThatThrownBy(() -> S3Location.builder().build()).hasMessageContaining("option 'location' ");
    assertThatThrownBy(() -> S3Location.builder().uri("s3:///x").build()).hasMessageContaining("needs a bucket");
    assertThatThrownBy(() -> S3Location.builder().uri("s3://bucket").partSizeBytes(1).build())
        .hasMessageContaining(S3Options.PART_SIZE_BYTES);
    assertThatThrownBy(() -> S3Location.builder().uri("s3://bucket").option("s3.nope", "x").build())
        .hasMessageContaining("s3.nope");
  }
}
