package io.copyjob.sql.jdbc;

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
 * The source connector of every SQL database: discovery through a {@link JdbcCatalog} on one connection kept for
 * the length of the run, and reads through the database's read sessions ({@link JdbcReadSession}s), each on its
 * own connections. Thread-safe.
 */
public final class JdbcSource implements SourceConnector {
  private final JdbcDatabase database;
  private final JdbcConnections connections;
  private final JdbcCatalog<?> catalog;
  private Connection discovery;

  /** A source reading {@code database}. */
  public JdbcSource(JdbcDatabase database) {
    this.database = database;
    this.connections = database.connections();
    this.catalog = database.catalog();
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
      return catalog.describe(discovery(), id).map(JdbcTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return database.beginRead(request);
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
