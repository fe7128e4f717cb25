package io.copyjob.sql.sqlserver;

import io.copyjob.ConnectorSpec;
import io.copyjob.sql.jdbc.JdbcConnectionBuilder;

/**
 * Typed construction of a SQL Server, Azure SQL, RDS or Fabric Warehouse source or destination; produces the
 * same options as a job definition with {@code type: sqlserver}.
 *
 * <pre>{@code
 * ConnectorSpec sql = SqlServerConnection.builder()
 *     .url("jdbc:sqlserver://db:1433;databaseName=shop").user("app").password(secret)
 *     .flavor(SqlServerFlavor.AZURE_SQL)
 *     .build();
 * ConnectorSpec fabric = SqlServerConnection.builder()
 *     .url("jdbc:sqlserver://xyz.datawarehouse.fabric.microsoft.com:1433;databaseName=wh")
 *     .authentication("ActiveDirectoryServicePrincipal").user(appId).password(appSecret)
 *     .flavor(SqlServerFlavor.FABRIC_WAREHOUSE)
 *     .fabricStagingLocation("abfss://staging@acct.dfs.core.windows.net/copyjob")
 *     .azureOption("azure.sasToken", sas)
 *     .build();
 * }</pre>
 */
public final class SqlServerConnection {
  private SqlServerConnection() {
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A connection with URL, user and password and every other option at its default. */
  public static ConnectorSpec of(String url, String user, String password) {
    return builder().url(url).user(user).password(password).build();
  }

  /** Collects the options; {@link #build()} returns the {@link ConnectorSpec}. The URL is {@code jdbc:sqlserver://host:1433;databaseName=db}. */
  public static final class Builder extends JdbcConnectionBuilder<Builder> {
    private Builder() {
      super(SqlServerConnectorProvider.TYPE);
    }

    /** The driver's Entra ID mode, e.g. {@code ActiveDirectoryManagedIdentity}, {@code ActiveDirectoryDefault}. */
    public Builder authentication(String mode) { return set(SqlServerOptions.AUTHENTICATION, mode); }

    /** TLS: on by default; {@code strict} for TDS 8. */
    public Builder encrypt(Encryption encryption) {
      return set(SqlServerOptions.ENCRYPT, encryption.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Accept any server certificate: for test servers with self-signed certificates only. */
    public Builder trustServerCertificate() { return set(SqlServerOptions.TRUST_SERVER_CERTIFICATE, "true"); }

    public Builder flavor(SqlServerFlavor flavor) { return set(SqlServerOptions.FLAVOR, flavor.optionValue()); }

    public Builder batchSize(int rows) { return set(SqlServerOptions.BATCH_SIZE, Integer.toString(rows)); }

    /** Bulk copy with a table lock: faster, blocks other writers of the table during the load. */
    public Builder tableLock() { return set(SqlServerOptions.TABLE_LOCK, "true"); }

    /** Fail instead of keeping written IDENTITY values. */
    public Builder rejectIdentityInsert() { return set(SqlServerOptions.IDENTITY_INSERT, "false"); }

    /** Fabric Warehouse: where Parquet files are staged for COPY INTO. */
    public Builder fabricStagingLocation(String url) { return set(SqlServerOptions.FABRIC_STAGING_LOCATION, url); }

    /** An {@code azure.*} option of copyjob-storage-azure for the Fabric staging location. */
    public Builder azureOption(String key, String value) {
      if (!key.startsWith(SqlServerOptions.AZURE_PREFIX)) {
        throw new IllegalArgumentException("Azure options start with azure.: " + key);
      }
      return set(key, value);
    }
  }

  /** Values of the {@code encrypt} option. */
  public enum Encryption { TRUE, FALSE, STRICT }
}
