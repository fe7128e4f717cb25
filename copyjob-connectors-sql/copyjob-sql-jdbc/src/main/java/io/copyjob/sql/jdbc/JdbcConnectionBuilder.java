package io.copyjob.sql.jdbc;

import io.copyjob.ConnectorSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The typed builder of a SQL connector's options, with the options every SQL connector has; a connector's builder
 * extends it with its own. {@link #build()} gives the same {@link ConnectorSpec} as a job definition with those
 * options, so a job built in code and a job read from JSON are the same job. Not thread-safe.
 *
 * @param <B> the connector's builder, returned by every setter
 */
public abstract class JdbcConnectionBuilder<B extends JdbcConnectionBuilder<B>> {
  private final String type;
  private final Map<String, String> options = new LinkedHashMap<>();

  /** A builder of options for the connector of {@code type}, e.g. {@code postgresql}. */
  protected JdbcConnectionBuilder(String type) {
    this.type = type;
  }

  /** The JDBC URL of the server and database, in the driver's form. */
  public B url(String url) { return set("url", url); }

  public B user(String user) { return set("user", user); }

  /** The password: a secret, never logged, masked in messages and in the spec's {@code toString()}. */
  public B password(String password) { return set("password", password); }

  /** Namespace of table names given without one. */
  public B schema(String schema) { return set("schema", schema); }

  /** Rows per round trip when reading. */
  public B fetchSize(int rows) { return set("fetchSize", Integer.toString(rows)); }

  /** A JDBC driver connection property, e.g. {@code sslmode} or {@code loginTimeout}. */
  public B driverProperty(String name, String value) { return set("property." + name, value); }

  /** Sets option {@code key}; {@code value} must not be null. */
  protected final B set(String key, String value) {
    options.put(key, Objects.requireNonNull(value, key));
    return self();
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The connector spec with every option set so far. */
  public ConnectorSpec build() {
    return ConnectorSpec.of(type, options);
  }
}
