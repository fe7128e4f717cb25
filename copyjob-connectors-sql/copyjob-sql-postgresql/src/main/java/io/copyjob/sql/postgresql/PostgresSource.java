package io.copyjob.sql.postgresql;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Reads PostgreSQL tables and views. Keeps one connection for discovery for the length of the run; each read
 * session opens its own, holding the snapshot.
 */
final class PostgresSource implements SourceConnector {
  private final PgConnections connections;
  private final PostgresCatalog catalog;
  private Connection discovery;

  PostgresSource(PostgresOptions options) {
    this.connections = new PgConnections(options);
    this.catalog = new PostgresCatalog(options.schema());
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
      return catalog.describe(discovery(), id).map(PostgresTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return new PostgresReadSession(connections, catalog, request);
  }

  @Override
  public void checkConnection() {
    PgConnections.closeQuietly(connections.open());
  }

  @Override
  public synchronized void close() {
    PgConnections.closeQuietly(discovery);
    discovery = null;
  }
}
