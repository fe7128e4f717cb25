package io.copyjob.sql.postgresql;

import io.copyjob.ConnectorSpec;
import io.copyjob.sql.jdbc.JdbcConnectionBuilder;

/**
 * Typed construction of a PostgreSQL source or destination for {@code CopyJob.builder()}; produces the same
 * options as a job definition with {@code type: postgresql}.
 *
 * <pre>{@code
 * ConnectorSpec pg = PostgresConnection.builder()
 *     .url("jdbc:postgresql://db:5432/shop").user("app").password(secret)
 *     .writeMethod(WriteMethod.COPY)
 *     .build();
 * }</pre>
 */
public final class PostgresConnection {
  private PostgresConnection() {
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Shortcut for a connection with URL, user and password and every other option at its default. */
  public static ConnectorSpec of(String url, String user, String password) {
    return builder().url(url).user(user).password(password).build();
  }

  /** Collects the options; {@link #build()} returns the {@link ConnectorSpec}. The URL is {@code jdbc:postgresql://host:port/database}. */
  public static final class Builder extends JdbcConnectionBuilder<Builder> {
    private Builder() {
      super(PostgresConnectorProvider.TYPE);
    }

    public Builder writeMethod(WriteMethod method) {
      return set(PostgresOptions.WRITE_METHOD, method.name().toLowerCase(java.util.Locale.ROOT));
    }

    public Builder insertBatchSize(int rows) { return set(PostgresOptions.INSERT_BATCH_SIZE, Integer.toString(rows)); }
  }
}
