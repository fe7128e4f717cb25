package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.sql.jdbc.JdbcErrorTranslator;
import io.copyjob.sql.jdbc.JdbcErrors;
import io.copyjob.sql.jdbc.SqlStates;
import java.sql.SQLException;

/**
 * Turns SQL Server errors into {@link CopyJobException}s with the right code and context (user and host for
 * logins, the server's message for rejected rows); every message is scrubbed of the connection's secrets.
 */
final class SqlServerErrors extends JdbcErrorTranslator {
  /** Error numbers about the rows of a load; see {@link #refusesRows}. */
  private static final java.util.Set<Integer> ROW_ERRORS = java.util.Set.of(515, 547, 2601, 2627, 2628, 8152, 4863,
      220, 232, 241, 242, 244, 245, 248, 517, 8114, 8115, 4864);

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

  /**
   * SQL Server errors about the rows of a load rather than the load itself: NULL into NOT NULL (515), a CHECK or
   * FOREIGN KEY conflict (547), a duplicate key (2601, 2627), a value too long (2628, 8152, 4863), out of range or
   * not convertible (220, 232, 241, 242, 244, 245, 248, 517, 8114, 8115, 4864); else SQLSTATE class 22 or 23,
   * which the driver uses for the rows it refuses itself (22026, a value longer than its column).
   */
  static boolean refusesRows(SQLException e) {
    return ROW_ERRORS.contains(e.getErrorCode()) || SqlStates.isDataError(e.getSQLState());
  }
}
