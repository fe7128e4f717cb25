package io.copyjob.sql.postgresql;

import io.copyjob.ConnectorSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

  /** Collects the options; {@link #build()} returns the {@link ConnectorSpec}. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {
    }

    /** {@code jdbc:postgresql://host:port/database}. */
    public Builder url(String url) { return set(PostgresOptions.URL, url); }

    public Builder user(String user) { return set(PostgresOptions.USER, user); }

    public Builder password(String password) { return set(PostgresOptions.PASSWORD, password); }

    public Builder writeMethod(WriteMethod method) {
      return set(PostgresOptions.WRITE_METHOD, method.name().toLowerCase(java.util.Locale.ROOT));
    }

    public Builder insertBatchSize(int rows) { return set(PostgresOptions.INSERT_BATCH_SIZE, Integer.toString(rows)); }

    public Builder fetchSize(int rows) { return set(PostgresOptions.FETCH_SIZE, Integer.toString(rows)); }

    /** Namespace of table names given without one; default {@code public}. */
    public Builder schema(String schema) { return set(PostgresOptions.SCHEMA, schema); }

    /** A JDBC driver connection property, e.g. {@code sslmode}. */
    public Builder driverProperty(String name, String value) {
      return set(PostgresOptions.PROPERTY_PREFIX + name, value);
    }

    private Builder set(String key, String value) {
      options.put(key, Objects.requireNonNull(value, key));
      return this;
    }

    public ConnectorSpec build() {
      return ConnectorSpec.of(PostgresConnectorProvider.TYPE, options);
    }
  }
}
