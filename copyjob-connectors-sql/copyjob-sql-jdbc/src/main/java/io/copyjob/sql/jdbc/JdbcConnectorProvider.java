package io.copyjob.sql.jdbc;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.Set;

/**
 * The {@link ConnectorProvider} of a SQL database: a {@link JdbcSource} and a {@link JdbcSink} over the
 * connector's {@link JdbcDatabase}, every write behaviour supported. A connector gives its type, its secret
 * options and its database.
 */
public abstract class JdbcConnectorProvider implements ConnectorProvider {

  /** The database configured by {@code options}; throws {@code INVALID_OPTION} naming a wrong option. Connects to nothing. */
  protected abstract JdbcDatabase database(ConnectorOptions options);

  @Override
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.UPSERT, WriteStrategy.Kind.OVERWRITE);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    database(options);
  }

  @Override
  public final SourceConnector createSource(ConnectorOptions options) {
    return new JdbcSource(database(options));
  }

  @Override
  public final SinkConnector createSink(ConnectorOptions options) {
    return new JdbcSink(database(options));
  }
}
