package io.copyjob.storage.azure;

import io.copyjob.ConnectorSpec;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the {@link ConnectorSpec} of a {@code files} source or destination on Azure in code. The spec holds
 * exactly the options a job definition would: the files connector's (built by {@link FilesLocation}) and the
 * {@code azure.*} ones of {@link AzureOptions}.
 *
 * <pre>{@code
 * AzureLocation.blob("https://acct.blob.core.windows.net/lake/sales")
 *     .accountKey(System.getenv("AZURE_STORAGE_KEY"))
 *     .format(FilesLocation.Format.PARQUET)
 *     .build();
 * AzureLocation.adls("abfss://lake@acct.dfs.core.windows.net/sales")
 *     .servicePrincipal(tenantId, clientId, clientSecret)
 *     .format(FilesLocation.Format.CSV)
 *     .build();
 * }</pre>
 */
public final class AzureLocation {
  private AzureLocation() {
  }

  /** A Blob Storage location: {@code https://<account>.blob.core.windows.net/<container>/<path>}. */
  public static Builder blob(String location) {
    return new Builder(location, AzureUri.Service.BLOB);
  }

  /**
   * An ADLS Gen2 location: {@code https://<account>.dfs.core.windows.net/<container>/<path>} or
   * {@code abfss://<container>@<account>.dfs.core.windows.net/<path>}.
   */
  public static Builder adls(String location) {
    return new Builder(location, AzureUri.Service.DFS);
  }

  /** Builds an Azure files {@link ConnectorSpec}. Not thread-safe. */
  public static final class Builder {
    private final String location;
    private final AzureUri uri;
    private final FilesLocation.Builder files;
    private final Map<String, String> azure = new LinkedHashMap<>();

    private Builder(String location, AzureUri.Service service) {
      this.location = Objects.requireNonNull(location, "location");
      this.uri = AzureUri.parse(location);
      if (uri.service() != service) {
        throw new IllegalArgumentException("not a " + (service == AzureUri.Service.DFS ? "ADLS Gen2 (dfs)"
            : "Blob Storage (blob)") + " location: " + uri + "; use AzureLocation." + (service == AzureUri.Service.DFS
            ? "blob" : "adls") + "(...)");
      }
      this.files = FilesLocation.builder().location(location);
    }

    /** Shared key authentication with the storage account's key. */
    public Builder accountKey(String key) {
      return azure(AzureOptions.ACCOUNT_KEY, key);
    }

    /** A shared access signature (with or without the leading {@code ?}). */
    public Builder sasToken(String token) {
      return azure(AzureOptions.SAS_TOKEN, token);
    }

    /** A storage connection string ({@code AccountName=...;AccountKey=...} or {@code SharedAccessSignature=...}). */
    public Builder connectionString(String connectionString) {
      return azure(AzureOptions.CONNECTION_STRING, connectionString);
    }

    /** A Microsoft Entra ID service principal with a client secret. */
    public Builder servicePrincipal(String tenantId, String clientId, String clientSecret) {
      azure(AzureOptions.TENANT_ID, tenantId);
      azure(AzureOptions.CLIENT_ID, clientId);
      return azure(AzureOptions.CLIENT_SECRET, clientSecret);
    }

    /** The host's system-assigned managed identity. */
    public Builder managedIdentity() {
      return azure(AzureOptions.MANAGED_IDENTITY, "true");
    }

    /** A user-assigned managed identity, by its client id. */
    public Builder managedIdentity(String clientId) {
      azure(AzureOptions.MANAGED_IDENTITY, "true");
      return azure(AzureOptions.CLIENT_ID, clientId);
    }

    /** The service's account URL, for an emulator or a private endpoint. */
    public Builder endpoint(String endpoint) {
      return azure(AzureOptions.ENDPOINT, endpoint);
    }

    /** Bytes per uploaded block (and the memory each file being written holds); 8 MiB when not set. */
    public Builder blockSizeBytes(int bytes) {
      return azure(AzureOptions.BLOCK_SIZE_BYTES, Integer.toString(bytes));
    }

    /** The file format (see {@link FilesLocation.Builder#format}). */
    public Builder format(FilesLocation.Format format) {
      files.format(format);
      return this;
    }

    /** The Parquet codec (see {@link FilesLocation.Builder#compression}). */
    public Builder compression(ParquetCompression compression) {
      files.compression(compression);
      return this;
    }

    /** The CSV field separator (see {@link FilesLocation.Builder#csvDelimiter}). */
    public Builder csvDelimiter(char delimiter) {
      files.csvDelimiter(delimiter);
      return this;
    }

    /** The output file name template (see {@link FilesLocation.Builder#fileName}). */
    public Builder fileName(String template) {
      files.fileName(template);
      return this;
    }

    /** Starts a new file after this many rows (see {@link FilesLocation.Builder#maxRowsPerFile}). */
    public Builder maxRowsPerFile(long rows) {
      files.maxRowsPerFile(rows);
      return this;
    }

    /** Any other option of the files connector or the Azure store. */
    public Builder option(String key, String value) {
      files.option(key, value);
      return this;
    }

    private Builder azure(String key, String value) {
      azure.put(key, Objects.requireNonNull(value, () -> "value of " + key));
      files.option(key, value);
      return this;
    }

    /**
     * The spec. Checks the files connector's options and the Azure options (credentials that conflict, a
     * malformed endpoint, ...) without contacting Azure.
     *
     * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming a bad option, never quoting a secret
     */
    public ConnectorSpec build() {
      ConnectorSpec spec = files.build();
      AzureOptions.parse(spec.options(), uri);
      return spec;
    }

    @Override
    public String toString() {
      return "AzureLocation.Builder[" + location + ", options " + azure.keySet() + "]";
    }
  }
}
