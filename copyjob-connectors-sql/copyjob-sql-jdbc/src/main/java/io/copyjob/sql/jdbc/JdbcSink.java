package io.copyjob.sql.jdbc;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sink connector of every SQL database: describes destinations through a {@link JdbcCatalog}; each
 * {@link #begin(WriteRequest)} is one transaction on its own connection, started by the connector (usually a
 * {@link JdbcWriteTransaction}). Thread-safe.
 */
public final class JdbcSink implements SinkConnector {
  private final JdbcConnections connections;
  private final JdbcCatalog<?> catalog;
  private final Function<WriteRequest, WriteTransaction> transactions;

  /** A sink over {@code connections} whose writes are started by {@code transactions}. */
  public JdbcSink(JdbcConnections connections, JdbcCatalog<?> catalog,
      Function<WriteRequest, WriteTransaction> transactions) {
    this.connections = connections;
    this.catalog = catalog;
    this.transactions = transactions;
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
    return transactions.apply(request);
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
