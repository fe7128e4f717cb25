package io.copyjob.sql.postgresql;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Writes PostgreSQL tables; each {@link #begin(WriteRequest)} is one transaction on its own connection. */
final class PostgresSink implements SinkConnector {
  private final PgConnections connections;
  private final PostgresCatalog catalog;

  PostgresSink(PostgresOptions options) {
    this.connections = new PgConnections(options);
    this.catalog = new PostgresCatalog(options.schema());
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    try (Connection c = connections.open()) {
      return catalog.describe(c, id).map(PostgresTable::info);
    } catch (SQLException e) {
      throw connections.errors().translate(e, "describing the table", id.toString());
    }
  }

  @Override
  public WriteTransaction begin(WriteRequest request) {
    return new PostgresWriteTransaction(connections, catalog, request);
  }

  @Override
  public void checkConnection() {
    PgConnections.closeQuietly(connections.open());
  }

  @Override
  public void close() {
    // every transaction owns and closes its connection
  }
}
