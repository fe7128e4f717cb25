package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcConnections;
import io.copyjob.sql.jdbc.JdbcDatabase;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import org.postgresql.Driver;

/**
 * A configured PostgreSQL database: reads with {@link PostgresReadSession}s (an exported snapshot shared by every
 * split reader, binary COPY), writes with {@link PostgresWriteTransaction}s (one transaction per table, COPY or
 * INSERT, ON CONFLICT upsert). Immutable; shared by the sessions and transactions of one source or sink.
 */
final class PostgresDatabase implements JdbcDatabase {
  private static final Driver DRIVER = new Driver();

  private final PostgresOptions options;
  private final PostgresErrors errors;
  private final JdbcConnections connections;
  private final PostgresCatalog catalog;

  PostgresDatabase(PostgresOptions options) {
    this.options = options;
    this.errors = new PostgresErrors(options);
    this.connections = new JdbcConnections(PostgresDialect.INSTANCE, DRIVER, options.url(), options.driverProperties(),
        options.location(), errors);
    this.catalog = new PostgresCatalog(options.schema());
  }

  @Override
  public JdbcConnections connections() { return connections; }

  PostgresOptions options() { return options; }

  PostgresErrors errors() { return errors; }

  @Override
  public PostgresCatalog catalog() { return catalog; }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    return new PostgresReadSession(this, request).start();
  }

  @Override
  public WriteTransaction beginWrite(WriteRequest request) {
    return new PostgresWriteTransaction(this, request).start();
  }
}
