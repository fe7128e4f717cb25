package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.Driver;

/** Opens connections to the configured server, with errors translated and secrets scrubbed. Thread-safe. */
final class PgConnections {
  private static final Driver DRIVER = new Driver();

  private final PostgresOptions options;
  private final PostgresErrors errors;

  PgConnections(PostgresOptions options) {
    this.options = options;
    this.errors = new PostgresErrors(options);
  }

  PostgresOptions options() { return options; }

  PostgresErrors errors() { return errors; }

  /** A new connection in autocommit mode; the caller closes it. */
  Connection open() {
    try {
      // the driver directly, not DriverManager: no class-path scan, and no other driver claims the URL
      Connection c = DRIVER.connect(options.url(), options.driverProperties());
      if (c == null) {
        throw CopyJobException.of(ErrorCode.INVALID_OPTION, "the PostgreSQL driver does not accept the URL of "
            + options.location());
      }
      return c;
    } catch (SQLException e) {
      throw errors.translate(e, "connecting", null);
    }
  }

  /** Closes {@code c}, ignoring errors: used on paths that are already failing or ending. */
  static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing left to do with a connection we are giving up
      }
    }
  }
}
