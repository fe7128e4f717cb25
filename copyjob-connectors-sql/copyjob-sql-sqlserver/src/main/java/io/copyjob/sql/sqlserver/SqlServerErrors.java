package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.sql.jdbc.JdbcErrorTranslator;
import io.copyjob.sql.jdbc.JdbcErrors;
import java.sql.SQLException;

/**
 * Turns SQL Server errors into {@link CopyJobException}s with the right code and context (user and host for
 * logins, the server's message for rejected rows); every message is scrubbed of the connection's secrets.
 */
final class SqlServerErrors extends JdbcErrorTranslator {
  SqlServerErrors(SqlServerOptions options) {
    super(SqlServerDialect.INSTANCE, options.redactor(), options.location(),
        options.user().orElse(options.authentication().orElse("(none)")));
  }

  /** The server's message with its error number: a rejected row, a value that did not convert, any other failure. */
  @Override
  protected CopyJobException statementError(ErrorCode code, SQLException e, String doing, String table, String server) {
    String number = e.getErrorCode() == 0 ? "" : " (error " + e.getErrorCode()
        + (e.getSQLState() == null ? "" : ", SQLSTATE " + e.getSQLState()) + ")";
    String what;
    switch (code) {
      case ROW_REJECTED: what = "SQL Server rejected a row while "; break;
      case CONVERSION_FAILED: what = "SQL Server could not convert a value while "; break;
      default: what = "SQL Server failed while ";
    }
    return CopyJobException.builder(code, redactor().scrub(what + doing + ": " + server + number)).table(table)
        .cause(JdbcErrors.scrubbed(redactor(), e)).build();
  }
}
