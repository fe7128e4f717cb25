package io.copyjob.sql.jdbc;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The sink connector of every SQL database: describes destinations through a {@link JdbcCatalog}; each
 * {@link #begin(WriteRequest)} is one transaction on its own connection, started by the connector (usually a
 * {@link JdbcWriteTransaction}). Thread-safe.
 */
public final class JdbcSink implements SinkConnector {
  private final JdbcDatabase database;
  private final JdbcConnections connections;
  private final JdbcCatalog<?> catalog;

  /** A sink writing into {@code database}. */
  public JdbcSink(JdbcDatabase database) {
    this.database = database;
    this.connections = database.connections();
    this.catalog = database.catalog();
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    try (Connection c = connections.open()) {
      return catalog.describe(c, id).map(JdbcTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    return database.beginWrite(request);
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
