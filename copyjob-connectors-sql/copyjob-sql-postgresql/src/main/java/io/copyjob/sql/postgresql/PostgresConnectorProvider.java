package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcConnectorProvider;
import io.copyjob.spi.ConnectorOptions;
import java.util.Set;

/**
 * The {@code postgresql} connector: reads with binary COPY in one snapshot, writes with binary COPY (or batched
 * INSERT) in one transaction. Options: see {@link PostgresOptions}; typed builder: {@link PostgresConnection}.
 */
public final class PostgresConnectorProvider extends JdbcConnectorProvider {
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
  protected PostgresDatabase database(ConnectorOptions options) {
    return new PostgresDatabase(PostgresOptions.from(options));
  }
}
