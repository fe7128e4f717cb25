package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes SQL Server tables; each {@link #begin(WriteRequest)} is one transaction on its own connection. Fabric
 * Warehouse writes go through {@link FabricWriteTransaction} (COPY INTO from staged Parquet files).
 */
final class SqlServerSink implements SinkConnector {
  private final SqlServerConnections connections;
  private final SqlServerCatalog catalog;

  SqlServerSink(SqlServerOptions options) {
    this.connections = new SqlServerConnections(options);
    this.catalog = new SqlServerCatalog(options.schema());
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    try (Connection c = connections.open()) {
      return catalog.describe(c, id).map(SqlServerTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    if (connections.options().flavor() == SqlServerFlavor.FABRIC_WAREHOUSE) {
      return FabricSupport.begin(connections, catalog, request);
    }
    return new SqlServerWriteTransaction(connections, catalog, request);
  }

  @Override
  public void checkConnection() {
    JdbcResources.closeQuietly(connections.open());
  }

  @Override
  public void close() {
    // every transaction owns and closes its connection
  }
}
