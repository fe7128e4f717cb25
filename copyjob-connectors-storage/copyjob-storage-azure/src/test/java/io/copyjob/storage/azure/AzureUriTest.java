package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AzureUriTest {

  @Test
  void blobUrl() {
    AzureUri u = AzureUri.parse("https://acct1.blob.core.windows.net/lake/sales/2024/");
    assertThat(u.service()).isEqualTo(AzureUri.Service.BLOB);
    assertThat(u.account()).isEqualTo("acct1");
    assertThat(u.container()).isEqualTo("lake");
    assertThat(u.prefix()).isEqualTo("sales/2024");
    assertThat(u.accountEndpoint()).isEqualTo("https://acct1.blob.core.windows.net");
    assertThat(u.location()).isEqualTo(URI.create("https://acct1.blob.core.windows.net/lake/sales/2024"));
  }

  @Test
  void dfsUrl() {
    AzureUri u = AzureUri.parse("https://acct1.dfs.core.windows.net/fs1/raw");
    assertThat(u.service()).isEqualTo(AzureUri.Service.DFS);
    assertThat(u.container()).isEqualTo("fs1");
    assertThat(u.prefix()).isEqualTo("raw");
    assertThat(u.accountEndpoint()).isEqualTo("https://acct1.dfs.core.windows.net");
  }

  @Test
  void abfssUrl() {
    AzureUri u = AzureUri.parse("abfss://fs-1@acct1.dfs.core.windows.net/raw/orders");
    assertThat(u.service()).isEqualTo(AzureUri.Service.DFS);
    assertThat(u.account()).isEqualTo("acct1");
    assertThat(u.container()).isEqualTo("fs-1");
    assertThat(u.prefix()).isEqualTo("raw/orders");
    assertThat(u.accountEndpoint()).isEqualTo("https://acct1.dfs.core.windows.net");
    assertThat(AzureUri.parse("abfss://fs-1@acct1.dfs.core.windows.net").prefix()).isEmpty();
    assertThat(AzureUri.parse("abfss://fs-1@acct1.dfs.core.windows.net/").prefix()).isEmpty();
  }

  @Test
  void containerRootAndSovereignClouds() {
    AzureUri root = AzureUri.parse("https://acct1.blob.core.windows.net/lake");
    assertThat(root.prefix()).isEmpty();
    assertThat(root.fullPath("a/b.csv")).isEqualTo("a/b.csv");
    AzureUri china = AzureUri.parse("https://acct1.blob.core.chinacloudapi.cn/lake/x");
    assertThat(china.accountEndpoint()).isEqualTo("https://acct1.blob.core.chinacloudapi.cn");
    AzureUri gov = AzureUri.parse("abfss://lake@acct1.dfs.core.usgovcloudapi.net/x");
    assertThat(gov.accountEndpoint()).isEqualTo("https://acct1.dfs.core.usgovcloudapi.net");
  }

  @Test
  void percentEncodedPathsAreDecoded() {
    assertThat(AzureUri.parse("https://acct1.blob.core.windows.net/lake/my%20data").prefix()).isEqualTo("my data");
  }

  @Test
  void pathMappingBothWays() {
    AzureUri u = AzureUri.parse("https://acct1.blob.core.windows.net/lake/sales");
    assertThat(u.fullPath("")).isEqualTo("sales");
    assertThat(u.fullPath("orders/p.csv")).isEqualTo("sales/orders/p.csv");
    assertThat(u.storePath("sales/orders/p.csv")).isEqualTo("orders/p.csv");
    assertThat(u.storePath("salesforce/p.csv")).isNull();
    assertThat(u.storePath("sales")).isNull();
    assertThat(u.storePath("sales/dir/")).isNull();
    assertThat(u.storePath("sales/a//b")).isNull();
    assertThat(u.storePath("sales/../b")).isNull();
  }

  @Test
  void supportsOnlyAzureHostsAndAbfss() {
    assertThat(AzureUri.supports(URI.create("https://a.blob.core.windows.net/c"))).isTrue();
    assertThat(AzureUri.supports(URI.create("https://a.dfs.core.windows.net/c"))).isTrue();
    assertThat(AzureUri.supports(URI.create("abfss://c@a.dfs.core.windows.net/p"))).isTrue();
    assertThat(AzureUri.supports(URI.create("https://example.com/c"))).isFalse();
    assertThat(AzureUri.supports(URI.create("https://a.file.core.windows.net/c"))).isFalse();
    assertThat(AzureUri.supports(URI.create("s3://bucket/p"))).isFalse();
    assertThat(AzureUri.supports(URI.create("file:/tmp/x"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://acct1.blob.core.windows.net/",
      "https://acct1.blob.core.windows.net",
      "abfss://acct1.dfs.core.windows.net/p",
      "abfss://c1x@acct1.blob.core.windows.net/p",
      "https://Acct_1.blob.core.windows.net/lake",
      "https://acct1.blob.core.windows.net/UPPER/x",
      "https://acct1.blob.core.windows.net/ab/x",
      "https://acct1.blob.core.windows.net/lake/a//b",
      "https://acct1.blob.core.windows.net:8443/lake",
      "http://acct1.blob.core.windows.net/lake"})
  void rejectsMalformedLocationsWithTheExpectedForm(String location) {
    assertThatThrownBy(() -> AzureUri.parse(location)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("null");
  }

  @Test
  void refusesASasTokenInTheLocationWithoutQuotingIt() {
    assertThatThrownBy(() -> AzureUri.parse("https://acct1.blob.core.windows.net/lake?sv=2022&sig=SECRETSIG"))
        .hasMessageContaining("azure.sasToken").hasMessageNotContaining("SECRETSIG");
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertThatThrownBy(() -> AzureUri.parse("https://acct1.blob.core.windows.net/"))
        .hasMessageContaining("names no container");
    assertThatThrownBy(() -> AzureUri.parse("abfss://acct1.dfs.core.windows.net/p"))
        .hasMessageContaining("abfss://<container>@<account>.dfs.core.windows.net/<path>");
    assertThatThrownBy(() -> AzureUri.parse("https://acct1.blob.core.windows.net/UPPER"))
        .hasMessageContaining("invalid container name 'UPPER'");
  }
}
