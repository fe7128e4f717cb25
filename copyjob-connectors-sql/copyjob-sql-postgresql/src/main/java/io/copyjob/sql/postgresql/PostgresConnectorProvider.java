package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcConnections;
import io.copyjob.sql.jdbc.JdbcSink;
import io.copyjob.sql.jdbc.JdbcSource;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.Set;
import org.postgresql.Driver;

/**
 * The {@code postgresql} connector: reads with binary COPY in one snapshot, writes with binary COPY (or batched
 * INSERT) in one transaction. Options: see {@link PostgresOptions}; typed builder: {@link PostgresConnection}.
 */
public final class PostgresConnectorProvider implements ConnectorProvider {
  private static final Driver DRIVER = new Driver();

  public static final String TYPE = "postgresql";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> sensitiveOptions() {
    return Set.of(PostgresOptions.PASSWORD);
  }

  @Override
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.UPSERT, WriteStrategy.Kind.OVERWRITE);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    PostgresOptions.from(options);
  }

  /** Reads with {@link PostgresReadSession}s: an exported snapshot shared by every split reader, binary COPY. */
  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    PostgresOptions o = PostgresOptions.from(options);
    PostgresErrors errors = new PostgresErrors(o);
    JdbcConnections connections = connections(o, errors);
    PostgresCatalog catalog = new PostgresCatalog(o.schema());
    return new JdbcSource(connections, catalog,
        request -> new PostgresReadSession(connections, errors, catalog, request).start());
  }

  /** Writes with {@link PostgresWriteTransaction}s: one transaction per table, COPY or INSERT, ON CONFLICT upsert. */
  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    PostgresOptions o = PostgresOptions.from(options);
    PostgresErrors errors = new PostgresErrors(o);
    JdbcConnections connections = connections(o, errors);
    PostgresCatalog catalog = new PostgresCatalog(o.schema());
    return new JdbcSink(connections, catalog,
        request -> new PostgresWriteTransaction(connections, errors, o, catalog, request).start());
  }

  private static JdbcConnections connections(PostgresOptions o, PostgresErrors errors) {
    return new JdbcConnections(PostgresDialect.INSTANCE, DRIVER, o.url(), o.driverProperties(), o.location(), errors);
  }
}
