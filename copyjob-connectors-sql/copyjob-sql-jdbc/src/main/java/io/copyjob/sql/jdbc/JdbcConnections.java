package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections to one configured server through the driver directly (not {@code DriverManager}: no class-path
 * scan, and no other driver claims the URL), with errors translated and secrets scrubbed. Thread-safe.
 */
public final class JdbcConnections {
  private final Dialect dialect;
  private final Driver driver;
  private final String url;
  private final Properties properties;
  private final String location;
  private final JdbcErrorTranslator errors;

  /**
   * Connections to {@code url} with the driver {@code properties} (credentials included; kept private);
   * {@code location} is the safe {@code host:port/database} for messages.
   */
  public JdbcConnections(Dialect dialect, Driver driver, String url, Properties properties, String location,
      JdbcErrorTranslator errors) {
    this.dialect = dialect;
    this.driver = driver;
    this.url = url;
    this.properties = (Properties) properties.clone();
    this.location = location;
    this.errors = errors;
  }

  public Dialect dialect() { return dialect; }

  /** {@code host:port/database}, safe for messages. */
  public String location() { return location; }

  public JdbcErrorTranslator errors() { return errors; }

  /** A new connection in autocommit mode; the caller closes it. */
  public Connection open() {
    try {
      Connection c = driver.connect(url, properties);
      if (c == null) {
        throw CopyJobException.of(ErrorCode.INVALID_OPTION, "the " + dialect.name() + " driver does not accept the URL of "
            + location);
      }
      return c;
    } catch (SQLException e) {
      throw errors.translate(e, "connecting", null);
    }
  }

  @Override
  public String toString() {
    return dialect.name() + " at " + location; // never the URL or the properties: they may hold the password
  }
}
