package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AzureOptionsTest {
  static final String KEY = "c2VjcmV0LWtleS1vZi10aGUtdGVzdC1hY2NvdW50LWZvci11bml0LXRlc3Rz";
  static final AzureUri BLOB = AzureUri.parse("https://acct1.blob.core.windows.net/lake/sales");
  static final AzureUri DFS = AzureUri.parse("abfss://lake@acct1.dfs.core.windows.net/sales");

  static Map<String, String> opts(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("location", "ignored");
    m.put("format", "csv");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static CopyJobException invalid(AzureUri uri, String... kv) {
    try {
      AzureOptions.parse(opts(kv), uri);
    } catch (CopyJobException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
      return e;
    }
    throw new AssertionError("no error for " + String.join(",", kv));
  }

  @Test
  void nothingGivenMeansTheDefaultChainAndTheLocationsEndpoint() {
    AzureOptions o = AzureOptions.parse(opts("s3.region", "ignored-too"), BLOB);
    assertThat(o.credential()).isInstanceOf(AzureCredential.DefaultChain.class);
    assertThat(o.endpoint()).isEqualTo("https://acct1.blob.core.windows.net");
    assertThat(o.blockSize()).isEqualTo(8 * 1024 * 1024);
    assertThat(o.listPageSize()).isEqualTo(5000);
    assertThat(AzureOptions.parse(opts(), DFS).endpoint()).isEqualTo("https://acct1.dfs.core.windows.net");
  }

  @Test
  void accountKeyIsASharedKeyOfTheLocationsAccount() {
    AzureOptions o = AzureOptions.parse(opts(AzureOptions.ACCOUNT_KEY, KEY), BLOB);
    assertThat(o.credential()).isEqualTo(new AzureCredential.SharedKey("acct1", KEY));
    assertThat(o.credential().toString()).doesNotContain(KEY);
    assertThat(o.toString()).doesNotContain(KEY).contains("account key of acct1");
  }

  @Test
  void sasTokenLosesItsQuestionMark() {
    AzureOptions o = AzureOptions.parse(opts(AzureOptions.SAS_TOKEN, "?sv=2024-08-04&sp=rl&sig=abc%2Bdef"), BLOB);
    assertThat(o.credential()).isEqualTo(new AzureCredential.Sas("sv=2024-08-04&sp=rl&sig=abc%2Bdef"));
    assertThat(o.secrets()).contains("abc%2Bdef", "abc+def");
    assertThat(o.credential().toString()).doesNotContain("abc");
    assertThat(invalid(BLOB, AzureOptions.SAS_TOKEN, "sv=2024&sp=rl").getMessage()).contains("no 'sig'");
  }

  @Test
  void connectionStrings() {
    AzureOptions key = AzureOptions.parse(opts(AzureOptions.CONNECTION_STRING,
        "DefaultEndpointsProtocol=https;AccountName=acct1;AccountKey=" + KEY + ";EndpointSuffix=core.windows.net"), BLOB);
    assertThat(key.credential()).isEqualTo(new AzureCredential.SharedKey("acct1", KEY));
    assertThat(key.endpoint()).isEqualTo("https://acct1.blob.core.windows.net");

    AzureOptions sas = AzureOptions.parse(opts(AzureOptions.CONNECTION_STRING,
        "BlobEndpoint=https://acct1.blob.core.windows.net/;SharedAccessSignature=sv=2024&sig=xyz"), BLOB);
    assertThat(sas.credential()).isEqualTo(new AzureCredential.Sas("sv=2024&sig=xyz"));
    assertThat(sas.endpoint()).isEqualTo("https://acct1.blob.core.windows.net");

    AzureUri emulated = AzureUri.parse("https://devstoreaccount1.blob.core.windows.net/c1x");
    AzureOptions dev = AzureOptions.parse(opts(AzureOptions.CONNECTION_STRING, "UseDevelopmentStorage=true"), emulated);
    assertThat(dev.credential()).isEqualTo(new AzureCredential.SharedKey("devstoreaccount1",
        AzureOptions.EMULATOR_KEY));
    assertThat(dev.endpoint()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
    // An explicit endpoint wins over the connection string's.
    assertThat(AzureOptions.parse(opts(AzureOptions.CONNECTION_STRING, "UseDevelopmentStorage=true",
        AzureOptions.ENDPOINT, "http://127.0.0.1:1234/devstoreaccount1/"), emulated).endpoint())
        .isEqualTo("http://127.0.0.1:1234/devstoreaccount1");
  }

  @Test
  void badConnectionStringsNeverQuoteTheirSecrets() {
    CopyJobException other = invalid(BLOB, AzureOptions.CONNECTION_STRING, "AccountName=other;AccountKey=" + KEY);
    assertThat(other.getMessage()).contains("'other'").contains("'acct1'").doesNotContain(KEY);
    assertThat(invalid(BLOB, AzureOptions.CONNECTION_STRING, "AccountName=acct1").getMessage())
        .contains("needs AccountName and AccountKey");
    assertThat(invalid(BLOB, AzureOptions.CONNECTION_STRING, "garbage " + KEY).getMessage()).doesNotContain(KEY);
    assertThat(invalid(BLOB, AzureOptions.CONNECTION_STRING, "AccountName=acct1;AccountKey=not*base64!")
        .getMessage()).contains("not valid Base64").doesNotContain("not*base64");
  }

  @Test
  void servicePrincipalNeedsAllThree() {
    AzureOptions o = AzureOptions.parse(opts(AzureOptions.TENANT_ID, "t1", AzureOptions.CLIENT_ID, "c1",
        AzureOptions.CLIENT_SECRET, "s3cr3t-value"), DFS);
    assertThat(o.credential()).isEqualTo(new AzureCredential.ServicePrincipal("t1", "c1", "s3cr3t-value"));
    assertThat(o.credential().toString()).doesNotContain("s3cr3t-value");
    assertThat(o.credential().describe()).isEqualTo("service principal c1 of tenant t1");
    assertThat(invalid(DFS, AzureOptions.CLIENT_SECRET, "s3cr3t-value", AzureOptions.CLIENT_ID, "c1").getMessage())
        .contains("needs azure.tenantId and azure.clientId").doesNotContain("s3cr3t-value");
    assertThat(invalid(DFS, AzureOptions.TENANT_ID, "t1").getMessage()).contains("needs azure.clientSecret");
    assertThat(invalid(DFS, AzureOptions.CLIENT_ID, "c1").getMessage()).contains("azure.managedIdentity=true");
  }

  @Test
  void anonymousAccessHasNoCredentialAndNoIdentity() {
    assertThat(AzureOptions.parse(opts(AzureOptions.ANONYMOUS, "true"), BLOB).credential())
        .isEqualTo(new AzureCredential.Anonymous());
    assertThat(invalid(BLOB, AzureOptions.ANONYMOUS, "true", AzureOptions.ACCOUNT_KEY, "a2V5").getMessage())
        .contains("conflicts").doesNotContain("a2V5");
    assertThat(invalid(BLOB, AzureOptions.ANONYMOUS, "true", AzureOptions.CLIENT_ID, "c1").getMessage())
        .contains("anonymous access has no identity");
  }

  @Test
  void managedIdentitySystemOrUserAssigned() {
    assertThat(AzureOptions.parse(opts(AzureOptions.MANAGED_IDENTITY, "true"), BLOB).credential())
        .isEqualTo(new AzureCredential.ManagedIdentity(Optional.empty()));
    assertThat(AzureOptions.parse(opts(AzureOptions.MANAGED_IDENTITY, "true", AzureOptions.CLIENT_ID, "c1"), BLOB)
        .credential()).isEqualTo(new AzureCredential.ManagedIdentity(Optional.of("c1")));
    assertThat(AzureOptions.parse(opts(AzureOptions.MANAGED_IDENTITY, "false"), BLOB).credential())
        .isInstanceOf(AzureCredential.DefaultChain.class);
    assertThat(invalid(BLOB, AzureOptions.MANAGED_IDENTITY, "true", AzureOptions.TENANT_ID, "t").getMessage())
        .contains("azure.tenantId");
    assertThat(invalid(BLOB, AzureOptions.MANAGED_IDENTITY, "yes").getMessage()).contains("true or false");
  }

  @Test
  void oneWayToAuthenticateOnly() {
    CopyJobException e = invalid(BLOB, AzureOptions.ACCOUNT_KEY, KEY, AzureOptions.SAS_TOKEN, "sv=1&sig=zzzzzz");
    assertThat(e.getMessage()).contains("azure.sasToken").contains("conflicts with azure.accountKey")
        .doesNotContain(KEY).doesNotContain("zzzzzz");
    assertThat(invalid(BLOB, AzureOptions.ACCOUNT_KEY, KEY, AzureOptions.MANAGED_IDENTITY, "true").getMessage())
        .contains("conflicts");
    assertThat(invalid(BLOB, AzureOptions.ACCOUNT_KEY, KEY, AzureOptions.CLIENT_ID, "c1").getMessage())
        .contains("not together with azure.accountKey");
  }

  @Test
  void accountKeyMustBeBase64AndIsNotQuoted() {
    CopyJobException e = invalid(BLOB, AzureOptions.ACCOUNT_KEY, "not base64 at all!");
    assertThat(e.getMessage()).contains("azure.accountKey").contains("Base64").doesNotContain("not base64 at all");
  }

  @Test
  void blockSizeAndPageSizeBounds() {
    assertThat(AzureOptions.parse(opts(AzureOptions.BLOCK_SIZE_BYTES, "1024"), BLOB).blockSize()).isEqualTo(1024);
    assertThat(invalid(BLOB, AzureOptions.BLOCK_SIZE_BYTES, "100").getMessage()).contains("between 1024");
    assertThat(invalid(BLOB, AzureOptions.BLOCK_SIZE_BYTES, "1000000000").getMessage()).contains("between");
    assertThat(invalid(BLOB, AzureOptions.BLOCK_SIZE_BYTES, "8MB").getMessage()).contains("whole number");
    assertThat(AzureOptions.parse(opts(AzureOptions.LIST_PAGE_SIZE, "2"), BLOB).listPageSize()).isEqualTo(2);
    assertThat(invalid(BLOB, AzureOptions.LIST_PAGE_SIZE, "5001").getMessage()).contains("between 1 and 5000");
    assertThat(AzureOptions.parse(opts(), BLOB).maxTries()).isEqualTo(4);
    assertThat(AzureOptions.parse(opts(AzureOptions.MAX_TRIES, "1"), BLOB).maxTries()).isEqualTo(1);
    assertThat(invalid(BLOB, AzureOptions.MAX_TRIES, "0").getMessage()).contains("between 1 and 20");
  }

  @Test
  void endpointMustBeAPlainHttpUrl() {
    assertThat(AzureOptions.parse(opts(AzureOptions.ENDPOINT, "https://acct1.privatelink.blob.core.windows.net/"),
        BLOB).endpoint()).isEqualTo("https://acct1.privatelink.blob.core.windows.net");
    assertThat(invalid(BLOB, AzureOptions.ENDPOINT, "ftp://x").getMessage()).contains("http or https");
    assertThat(invalid(BLOB, AzureOptions.ENDPOINT, "http://h/acct?sig=leak").getMessage())
        .contains("must not carry a query").doesNotContain("leak");
  }

  @Test
  void misspeltAzureOptionsAreRejected() {
    assertThat(invalid(BLOB, "azure.acountKey", KEY).getMessage()).contains("'azure.acountKey'")
        .contains("azure.accountKey").doesNotContain(KEY);
  }
}
