package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.copyjob.sql.jdbc.JdbcConnections;
import io.copyjob.sql.jdbc.JdbcSink;
import io.copyjob.sql.jdbc.JdbcSource;
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
  private static final SQLServerDriver DRIVER = new SQLServerDriver();

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

  /** Reads with {@link SqlServerReadSession}s: bounded key ranges and incremental bounds, one connection per split. */
  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    SqlServerOptions o = SqlServerOptions.from(options);
    SqlServerErrors errors = new SqlServerErrors(o);
    JdbcConnections connections = connections(o, errors);
    SqlServerCatalog catalog = new SqlServerCatalog(o.schema());
    return new JdbcSource(connections, catalog,
        request -> new SqlServerReadSession(connections, errors, o.fetchSize(), catalog, request).start());
  }

  /**
   * Writes with {@link SqlServerWriteTransaction}s (bulk copy, MERGE upsert), or for Fabric Warehouse with
   * {@link FabricWriteTransaction}s (COPY INTO from staged Parquet files); one transaction per table.
   */
  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    SqlServerOptions o = SqlServerOptions.from(options);
    SqlServerErrors errors = new SqlServerErrors(o);
    JdbcConnections connections = connections(o, errors);
    SqlServerCatalog catalog = new SqlServerCatalog(o.schema());
    return new JdbcSink(connections, catalog, request -> o.flavor() == SqlServerFlavor.FABRIC_WAREHOUSE
        ? FabricSupport.begin(connections, o, catalog, request)
        : new SqlServerWriteTransaction(connections, errors, o, catalog, request).start());
  }

  static JdbcConnections connections(SqlServerOptions o, SqlServerErrors errors) {
    return new JdbcConnections(SqlServerDialect.INSTANCE, DRIVER, o.url(), o.driverProperties(), o.location(), errors);
  }
}
