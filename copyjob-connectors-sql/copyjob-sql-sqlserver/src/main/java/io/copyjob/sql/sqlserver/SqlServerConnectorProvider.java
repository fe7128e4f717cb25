package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcConnectorProvider;
import io.copyjob.spi.ConnectorOptions;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code sqlserver} connector for SQL Server, Azure SQL Database, Amazon RDS for SQL Server and Fabric
 * Warehouse. Options: see {@link SqlServerOptions}; typed builder: {@link SqlServerConnection}.
 */
public final class SqlServerConnectorProvider extends JdbcConnectorProvider {
  public static final String TYPE = "sqlserver";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> sensitiveOptions() {
    Set<String> s = new HashSet<>(SqlServerOptions.AZURE_SECRETS);
    s.add(SqlServerOptions.PASSWORD);
    s.add(SqlServerOptions.PROPERTY_PREFIX + "password");
    s.add(SqlServerOptions.PROPERTY_PREFIX + "accessToken");
    s.add(SqlServerOptions.PROPERTY_PREFIX + "clientCertificatePassword");
    s.add(SqlServerOptions.PROPERTY_PREFIX + "trustStorePassword");
    return Set.copyOf(s);
  }

  @Override
  protected SqlServerDatabase database(ConnectorOptions options) {
    return new SqlServerDatabase(SqlServerOptions.from(options));
  }
}
