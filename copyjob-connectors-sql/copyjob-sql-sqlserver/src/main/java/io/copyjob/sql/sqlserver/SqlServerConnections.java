package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerDriver;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;

/** Opens connections to the configured server, with errors translated and secrets scrubbed. Thread-safe. */
final class SqlServerConnections {
  private static final SQLServerDriver DRIVER = new SQLServerDriver();

  private final SqlServerOptions options;
  private final SqlServerErrors errors;

  SqlServerConnections(SqlServerOptions options) {
    this.options = options;
    this.errors = new SqlServerErrors(options);
  }

  SqlServerOptions options() { return options; }

  SqlServerErrors errors() { return errors; }

  /** A new connection in autocommit mode; the caller closes it. */
  Connection open() {
    try {
      Connection c = DRIVER.connect(options.url(), options.driverProperties());
      if (c == null) {
        throw CopyJobException.of(ErrorCode.INVALID_OPTION, "the SQL Server driver does not accept the URL of "
            + options.location());
      }
      return c;
    } catch (SQLException e) {
      throw errors.translate(e, "connecting", null);
    }
  }
}
