package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Reads SQL Server tables and views; one discovery connection per run, one connection per split reader. */
final class SqlServerSource implements SourceConnector {
  private final SqlServerConnections connections;
  private final SqlServerCatalog catalog;
  private Connection discovery;

  SqlServerSource(SqlServerOptions options) {
    this.connections = new SqlServerConnections(options);
    this.catalog = new SqlServerCatalog(options.schema());
  }

  private synchronized Connection discovery() {
    if (discovery == null) {
      discovery = connections.open();
    }
    return discovery;
  }

  @Override
  public synchronized List<DatasetId> listDatasets() {
    try {
      return catalog.list(discovery());
    } catch (SQLException e) {
      throw connections.errors().translate(e, "listing tables", null);
    }
  }

  @Override
  public synchronized Optional<DatasetInfo> describe(DatasetId id) {
    try {
      return catalog.describe(discovery(), id).map(SqlServerTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return new SqlServerReadSession(connections, catalog, request);
  }

  @Override
  public void checkConnection() {
    JdbcResources.closeQuietly(connections.open());
  }

  @Override
  public synchronized void close() {
    JdbcResources.closeQuietly(discovery);
    discovery = null;
  }
}
