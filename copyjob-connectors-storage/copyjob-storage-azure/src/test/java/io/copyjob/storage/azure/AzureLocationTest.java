package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed builder, discovery through ServiceLoader and redaction, without a server. */
class AzureLocationTest {
  static final String KEY = AzureOptionsTest.KEY;

  @Test
  void buildsAFilesSpecWithTheAzureOptions() {
    ConnectorSpec spec = AzureLocation.blob("https://acct1.blob.core.windows.net/lake/sales").accountKey(KEY)
        .format(FilesLocation.Format.PARQUET).blockSizeBytes(1 << 20).build();
    assertThat(spec.type()).isEqualTo("files");
    assertThat(spec.options()).containsEntry("location", "https://acct1.blob.core.windows.net/lake/sales")
        .containsEntry("format", "parquet").containsEntry(AzureOptions.ACCOUNT_KEY, KEY)
        .containsEntry(AzureOptions.BLOCK_SIZE_BYTES, "1048576");
    // The same options as a job definition would give.
    assertThat(spec).isEqualTo(ConnectorSpec.of("files", Map.of("location",
        "https://acct1.blob.core.windows.net/lake/sales", "format", "parquet", AzureOptions.ACCOUNT_KEY, KEY,
        AzureOptions.BLOCK_SIZE_BYTES, "1048576")));
    ConnectorRegistry.find("files").validateOptions(spec.toOptions(ConnectorRegistry.find("files")),
        ConnectorRole.SINK);
  }

  @Test
  void adlsAcceptsBothForms() {
    assertThat(AzureLocation.adls("abfss://lake@acct1.dfs.core.windows.net/x").managedIdentity("cid").build()
        .options()).containsEntry(AzureOptions.MANAGED_IDENTITY, "true").containsEntry(AzureOptions.CLIENT_ID, "cid");
    assertThat(AzureLocation.adls("https://acct1.dfs.core.windows.net/lake/x").servicePrincipal("t", "c", "s3cr3t")
        .build().options()).containsEntry(AzureOptions.TENANT_ID, "t");
    assertThatThrownBy(() -> AzureLocation.adls("https://acct1.blob.core.windows.net/lake"))
        .hasMessageContaining("AzureLocation.blob");
    assertThatThrownBy(() -> AzureLocation.blob("abfss://lake@acct1.dfs.core.windows.net/x"))
        .hasMessageContaining("AzureLocation.adls");
  }

  @Test
  void buildChecksTheAzureOptionsWithoutQuotingSecrets() {
    assertThatThrownBy(() -> AzureLocation.blob("https://acct1.blob.core.windows.net/lake").accountKey(KEY)
        .sasToken("sv=1&sig=abcdefgh").build()).isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
          assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("abcdefgh");
        });
  }

  @Test
  void specToStringMasksEverySecretOption() {
    String connection = "DefaultEndpointsProtocol=https;AccountName=acct1;AccountKey=" + KEY;
    ConnectorSpec viaConnectionString = AzureLocation.blob("https://acct1.blob.core.windows.net/lake")
        .connectionString(connection).format(FilesLocation.Format.CSV).build();
    assertThat(viaConnectionString.toString()).doesNotContain(KEY).doesNotContain("AccountKey")
        .contains("azure.connectionString=****");
    assertThat(ConnectorRegistry.find("files").sensitiveOptions()).containsAll(AzureOptions.SENSITIVE);
    assertThat(viaConnectionString.toOptions(ConnectorRegistry.find("files")).secretValues()).contains(connection);

    ConnectorSpec viaSas = AzureLocation.blob("https://acct1.blob.core.windows.net/lake").sasToken("sv=1&sig=abcdefgh")
        .build();
    assertThat(viaSas.toString()).doesNotContain("abcdefgh");
    ConnectorSpec viaPrincipal = AzureLocation.adls("abfss://lake@acct1.dfs.core.windows.net/x")
        .servicePrincipal("t", "c", "s3cr3t-value").build();
    assertThat(viaPrincipal.toString()).doesNotContain("s3cr3t-value").contains("azure.clientId=c");
  }

  @Test
  void serviceLoaderOpensTheRightStoreForEachFormWithoutContactingAzure() {
    Map<String, String> options = Map.of(AzureOptions.ACCOUNT_KEY, KEY);
    try (FileStore blob = FileStores.open("https://acct1.blob.core.windows.net/lake/sales", options);
         FileStore dfs = FileStores.open("https://acct1.dfs.core.windows.net/lake/sales", options);
         FileStore abfss = FileStores.open("abfss://lake@acct1.dfs.core.windows.net/sales", options)) {
      assertThat(blob).isInstanceOf(BlobFileStore.class);
      assertThat(dfs).isInstanceOf(AdlsFileStore.class);
      assertThat(abfss).isInstanceOf(AdlsFileStore.class);
      assertThat(((AdlsFileStore) abfss).azureUri().prefix()).isEqualTo("sales");
      for (FileStore s : new FileStore[] {blob, dfs, abfss}) {
        assertThat(s.toString()).doesNotContain(KEY).contains("account key of acct1");
      }
      assertThat(abfss.displayName("orders/p.csv"))
          .isEqualTo("abfss://lake@acct1.dfs.core.windows.net/sales/orders/p.csv");
    }
  }

  @Test
  void aMalformedAzureLocationIsAnInvalidOption() {
    assertThatThrownBy(() -> FileStores.open("https://acct1.blob.core.windows.net/", Map.of()))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
          assertThat(e.getMessage()).contains("option 'location'").contains("names no container");
        });
  }

  @Test
  void everyCredentialMethodBuildsAClientWithoutContactingAzure() {
    AzureUri uri = AzureOptionsTest.DFS;
    for (Map<String, String> o : java.util.List.of(Map.of(AzureOptions.ACCOUNT_KEY, KEY),
        Map.of(AzureOptions.SAS_TOKEN, "sv=1&sig=x"), Map.of(AzureOptions.MANAGED_IDENTITY, "true"),
        Map.of(AzureOptions.TENANT_ID, "t", AzureOptions.CLIENT_ID, "c", AzureOptions.CLIENT_SECRET, "s"),
        Map.<String, String>of())) {
      AzureOptions parsed = AzureOptions.parse(o, uri);
      assertThat(AdlsFileStore.open(uri, parsed)).isNotNull();
      assertThat(BlobFileStore.open(AzureOptionsTest.BLOB, AzureOptions.parse(o, AzureOptionsTest.BLOB))).isNotNull();
    }
  }
}
