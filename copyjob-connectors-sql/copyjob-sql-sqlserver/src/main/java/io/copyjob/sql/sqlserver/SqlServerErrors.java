package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.sql.jdbc.JdbcErrorTranslator;
import io.copyjob.sql.jdbc.JdbcErrors;
import io.copyjob.spi.Redactor;
import java.sql.SQLException;

/**
 * Turns SQL Server errors into {@link CopyJobException}s with the right code and context (user and host for
 * logins, the server's message for rejected rows); every message is scrubbed of the connection's secrets.
 */
final class SqlServerErrors implements JdbcErrorTranslator {
  private final SqlServerOptions options;

  SqlServerErrors(SqlServerOptions options) {
    this.options = options;
  }

  @Override
  public Redactor redactor() {
    return options.redactor();
  }

  @Override
  public CopyJobException translate(SQLException e, String doing, String table) {
    ErrorCode code = SqlServerDialect.INSTANCE.errorCode(e);
    Redactor r = options.redactor();
    String server = r.scrub(e.getMessage());
    String number = e.getErrorCode() == 0 ? "" : " (error " + e.getErrorCode()
        + (e.getSQLState() == null ? "" : ", SQLSTATE " + e.getSQLState()) + ")";
    String detail;
    switch (code) {
      case AUTHENTICATION_FAILED:
        detail = "SQL Server at " + options.location() + " refused the credentials of user '"
            + options.user().orElse(options.authentication().orElse("(none)")) + "': " + server;
        break;
      case CONNECTION_FAILED:
        detail = "cannot reach SQL Server at " + options.location() + " while " + doing + ": " + server;
        break;
      case ROW_REJECTED:
        detail = "SQL Server rejected a row while " + doing + ": " + server + number;
        break;
      case CONVERSION_FAILED:
        detail = "SQL Server could not convert a value while " + doing + ": " + server + number;
        break;
      default:
        detail = "SQL Server failed while " + doing + ": " + server + number;
    }
    return CopyJobException.builder(code, r.scrub(detail)).table(table).cause(JdbcErrors.scrubbed(r, e)).build();
  }
}
