package io.copyjob.sql.postgresql;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.Set;

/**
 * The {@code postgresql} connector: reads with binary COPY in one snapshot, writes with binary COPY (or batched
 * INSERT) in one transaction. Options: see {@link PostgresOptions}; typed builder: {@link PostgresConnection}.
 */
public final class PostgresConnectorProvider implements ConnectorProvider {
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

  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    return new PostgresSource(PostgresOptions.from(options));
  }

  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    return new PostgresSink(PostgresOptions.from(options));
  }
}
