package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcUrls;
import io.copyjob.spi.Redactor;
import io.copyjob.spi.ConnectorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The options of the PostgreSQL connector, read and checked once. Immutable.
 *
 * <ul>
 *   <li>{@code url} (required): {@code jdbc:postgresql://host:port/database}.</li>
 *   <li>{@code user}, {@code password} (secret).</li>
 *   <li>{@code writeMethod}: {@code copy} (default) or {@code insert}.</li>
 *   <li>{@code insertBatchSize}: rows per INSERT batch, default 1000.</li>
 *   <li>{@code fetchSize}: rows per round trip of the connector's catalog queries (data is read with COPY,
 *       which streams); default 0, the driver's default.</li>
 *   <li>{@code schema}: the namespace of table names given without one, default {@code public}.</li>
 *   <li>{@code property.<name>}: passed to the JDBC driver as connection property {@code <name>} (e.g.
 *       {@code property.sslmode}).</li>
 * </ul>
 */
public final class PostgresOptions {
  public static final String URL = "url";
  public static final String USER = "user";
  public static final String PASSWORD = "password";
  public static final String WRITE_METHOD = "writeMethod";
  public static final String INSERT_BATCH_SIZE = "insertBatchSize";
  public static final String FETCH_SIZE = "fetchSize";
  public static final String SCHEMA = "schema";
  /** Prefix of options passed to the driver as connection properties. */
  public static final String PROPERTY_PREFIX = "property.";

  public static final int DEFAULT_INSERT_BATCH_SIZE = 1000;
  public static final String DEFAULT_SCHEMA = "public";
  static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, WRITE_METHOD, INSERT_BATCH_SIZE, FETCH_SIZE, SCHEMA);

  private final String url;
  private final String user;
  private final String password;
  private final WriteMethod writeMethod;
  private final int insertBatchSize;
  private final int fetchSize;
  private final String schema;
  private final Map<String, String> driverProperties;
  private final Redactor redactor;

  private PostgresOptions(ConnectorOptions o) {
    for (String key : o.asMap().keySet()) {
      if (!KEYS.contains(key) && !key.startsWith(PROPERTY_PREFIX)) {
        throw o.invalid(key, "is unknown; known options: " + String.join(", ", new java.util.TreeSet<>(KEYS))
            + ", and " + PROPERTY_PREFIX + "<driver property>");
      }
    }
    this.url = o.require(URL).trim();
    if (!url.startsWith("jdbc:postgresql:")) {
      throw o.invalid(URL, "must start with jdbc:postgresql:, e.g. jdbc:postgresql://host:5432/database; got "
          + JdbcUrls.location(url));
    }
    this.user = o.get(USER).orElse(null);
    this.password = o.get(PASSWORD).orElse(null);
    this.writeMethod = o.getEnum(WRITE_METHOD, WriteMethod.class, WriteMethod.COPY);
    this.insertBatchSize = o.getInt(INSERT_BATCH_SIZE, DEFAULT_INSERT_BATCH_SIZE);
    if (insertBatchSize < 1) {
      throw o.invalid(INSERT_BATCH_SIZE, "must be at least 1, got " + insertBatchSize);
    }
    this.fetchSize = o.getInt(FETCH_SIZE, 0);
    if (fetchSize < 0) {
      throw o.invalid(FETCH_SIZE, "must not be negative, got " + fetchSize);
    }
    this.schema = o.get(SCHEMA, DEFAULT_SCHEMA);
    if (schema.isBlank()) {
      throw o.invalid(SCHEMA, "must not be empty");
    }
    Map<String, String> props = new java.util.TreeMap<>();
    o.asMap().forEach((k, v) -> {
      if (k.startsWith(PROPERTY_PREFIX) && k.length() > PROPERTY_PREFIX.length()) {
        props.put(k.substring(PROPERTY_PREFIX.length()), v);
      }
    });
    this.driverProperties = Map.copyOf(props);
    List<String> secrets = new ArrayList<>(o.secretValues());
    if (password != null) {
      secrets.add(password);
    }
    secrets.addAll(JdbcUrls.embeddedPasswords(url));
    this.redactor = Redactor.of(secrets);
  }

  /** Reads and checks {@code options}; throws INVALID_OPTION naming the option that is wrong. */
  public static PostgresOptions from(ConnectorOptions options) {
    return new PostgresOptions(options);
  }

  public String url() { return url; }

  public Optional<String> user() { return Optional.ofNullable(user); }

  /** The password; never log it. */
  Optional<String> password() { return Optional.ofNullable(password); }

  public WriteMethod writeMethod() { return writeMethod; }

  public int insertBatchSize() { return insertBatchSize; }

  public int fetchSize() { return fetchSize; }

  /** Namespace of unqualified table names. */
  public String schema() { return schema; }

  /** Scrubs this connection's secrets from text. */
  public Redactor redactor() { return redactor; }

  /** {@code host:port/database}, safe for messages. */
  public String location() {
    return JdbcUrls.location(url);
  }

  /** The driver properties for a new connection. */
  Properties driverProperties() {
    Properties p = new Properties();
    p.putAll(driverProperties);
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    p.putIfAbsent("ApplicationName", "copyjob");
    if (fetchSize > 0) {
      p.setProperty("defaultRowFetchSize", Integer.toString(fetchSize));
    }
    if (writeMethod == WriteMethod.INSERT) {
      // lets the driver send a batch of single-row INSERTs as multi-row INSERTs: the bulk-insert speed-up
      p.putIfAbsent("reWriteBatchedInserts", "true");
    }
    return p;
  }
}
