package io.copyjob.storage.azure;

import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.file.datalake.DataLakeFileSystemClient;
import com.azure.storage.file.datalake.DataLakeFileSystemClientBuilder;

/**
 * Builds the SDK clients of a store. All stores share one HTTP client (the JDK's: no netty, no native code), so
 * connections are pooled across stores and nothing needs closing.
 */
final class AzureClients {
  private AzureClients() {
  }

  /** One HTTP client per JVM, created on first use. */
  private static final class Http {
    static final HttpClient CLIENT = new JdkHttpClientBuilder().build();
  }

  static HttpClient http() {
    return Http.CLIENT;
  }

  /** The Blob container client of {@code location}. */
  static BlobContainerClient blobContainer(AzureUri location, AzureOptions options) {
    BlobContainerClientBuilder builder = new BlobContainerClientBuilder()
        .endpoint(options.endpoint())
        .containerName(location.container())
        .retryOptions(retries(options))
        .httpClient(http());
    AzureCredential credential = options.credential();
    if (credential instanceof AzureCredential.SharedKey k) {
      builder.credential(new StorageSharedKeyCredential(k.account(), k.key()));
    } else if (credential instanceof AzureCredential.Sas s) {
      builder.credential(new AzureSasCredential(s.token()));
    } else if (!(credential instanceof AzureCredential.Anonymous)) {
      builder.credential(token(credential));
    }
    return builder.buildClient();
  }

  /** The ADLS Gen2 file system client of {@code location}. */
  static DataLakeFileSystemClient fileSystem(AzureUri location, AzureOptions options) {
    DataLakeFileSystemClientBuilder builder = new DataLakeFileSystemClientBuilder()
        .endpoint(options.endpoint())
        .fileSystemName(location.container())
        .retryOptions(retries(options))
        .httpClient(http());
    AzureCredential credential = options.credential();
    if (credential instanceof AzureCredential.SharedKey k) {
      builder.credential(new StorageSharedKeyCredential(k.account(), k.key()));
    } else if (credential instanceof AzureCredential.Sas s) {
      builder.credential(new AzureSasCredential(s.token()));
    } else if (!(credential instanceof AzureCredential.Anonymous)) {
      builder.credential(token(credential));
    }
    return builder.buildClient();
  }

  /** The SDK's exponential retry policy with the configured number of tries and its default delays. */
  static RequestRetryOptions retries(AzureOptions options) {
    return new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, options.maxTries(), (Integer) null, null, null, null);
  }

  /** A Microsoft Entra ID token credential for the identity-based methods. */
  static TokenCredential token(AzureCredential credential) {
    if (credential instanceof AzureCredential.ServicePrincipal p) {
      return new ClientSecretCredentialBuilder().tenantId(p.tenantId()).clientId(p.clientId())
          .clientSecret(p.clientSecret()).httpClient(http()).build();
    }
    if (credential instanceof AzureCredential.ManagedIdentity m) {
      ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder().httpClient(http());
      m.clientId().ifPresent(b::clientId);
      return b.build();
    }
    if (credential instanceof AzureCredential.DefaultChain) {
      return new DefaultAzureCredentialBuilder().httpClient(http()).build();
    }
    throw new IllegalArgumentException("not a token credential: " + credential.describe());
  }
}
