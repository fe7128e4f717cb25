package io.copyjob.sql.sqlserver;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code sqlserver} connector for SQL Server, Azure SQL Database, Amazon RDS for SQL Server and Fabric
 * Warehouse. Options: see {@link SqlServerOptions}; typed builder: {@link SqlServerConnection}.
 */
public final class SqlServerConnectorProvider implements ConnectorProvider {
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
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.UPSERT, WriteStrategy.Kind.OVERWRITE);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    SqlServerOptions.from(options);
  }

  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    return new SqlServerSource(SqlServerOptions.from(options));
  }

  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    return new SqlServerSink(SqlServerOptions.from(options));
  }
}
