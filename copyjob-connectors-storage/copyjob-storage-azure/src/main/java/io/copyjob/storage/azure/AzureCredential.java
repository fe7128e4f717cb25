package io.copyjob.storage.azure;

import java.util.Optional;

/**
 * How a store authenticates, chosen by {@link AzureOptions} from the options given. The records that hold a
 * secret override {@code toString()} so that the secret never shows; {@link #describe()} names the method for
 * messages.
 */
public sealed interface AzureCredential {

  /** The method in words, without secrets: {@code account key}, {@code SAS token}, ... */
  String describe();

  /** Shared key: the account name and its key ({@code azure.accountKey}, or a connection string). */
  record SharedKey(String account, String key) implements AzureCredential {
    @Override
    public String describe() {
      return "account key of " + account;
    }

    @Override
    public String toString() {
      return "SharedKey[account=" + account + ", key=****]";
    }
  }

  /** A shared access signature, without the leading {@code ?} ({@code azure.sasToken}, or a connection string). */
  record Sas(String token) implements AzureCredential {
    @Override
    public String describe() {
      return "SAS token";
    }

    @Override
    public String toString() {
      return "Sas[****]";
    }
  }

  /** A Microsoft Entra ID service principal with a client secret. */
  record ServicePrincipal(String tenantId, String clientId, String clientSecret) implements AzureCredential {
    @Override
    public String describe() {
      return "service principal " + clientId + " of tenant " + tenantId;
    }

    @Override
    public String toString() {
      return "ServicePrincipal[tenantId=" + tenantId + ", clientId=" + clientId + ", clientSecret=****]";
    }
  }

  /** A managed identity: the system-assigned one, or a user-assigned one by its client id. */
  record ManagedIdentity(Optional<String> clientId) implements AzureCredential {
    @Override
    public String describe() {
      return clientId.map(id -> "user-assigned managed identity " + id).orElse("system-assigned managed identity");
    }
  }

  /** No credential at all: public containers, whose blobs anyone may read. */
  record Anonymous() implements AzureCredential {
    @Override
    public String describe() {
      return "anonymous access";
    }
  }

  /**
   * Nothing given: azure-identity's default chain (environment variables, workload identity, managed identity,
   * Azure CLI, ...).
   */
  record DefaultChain() implements AzureCredential {
    @Override
    public String describe() {
      return "default Azure credential chain";
    }
  }
}
