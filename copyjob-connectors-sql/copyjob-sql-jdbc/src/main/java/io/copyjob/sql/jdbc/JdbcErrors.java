package io.copyjob.sql.jdbc;

import io.copyjob.spi.Redactor;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.sql.SQLException;

/**
 * Turns driver errors into {@link CopyJobException}s: the code from the dialect, the message scrubbed of
 * secrets, the table as context. Dialects with richer server errors add column and row themselves.
 */
public final class JdbcErrors {
  private JdbcErrors() {
  }

  /** A {@link CopyJobException} for {@code e} while working on {@code table} (may be null). */
  public static CopyJobException translate(Dialect dialect, Redactor redactor, SQLException e, String doing, String table) {
    ErrorCode code = dialect.errorCode(e);
    String state = e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")";
    return CopyJobException.builder(code, redactor.scrub(dialect.name() + " failed " + doing + ": " + e.getMessage()) + state)
        .table(table)
        .cause(scrubbed(redactor, e))
        .build();
  }

  /**
   * The message of a refused login ({@link ErrorCode#AUTHENTICATION_FAILED}: names the server and the user) or of
   * a server that cannot be reached ({@link ErrorCode#CONNECTION_FAILED}: names the server and what was being
   * done); null for any other code. {@code serverMessage} must be scrubbed already; no secret is added.
   */
  static String connectionProblem(ErrorCode code, Dialect dialect, String location, String user, String doing,
      String serverMessage) {
    switch (code) {
      case AUTHENTICATION_FAILED:
        return dialect.name() + " at " + location + " refused the credentials of user '" + user + "': " + serverMessage;
      case CONNECTION_FAILED:
        return "cannot reach " + dialect.name() + " at " + location + " while " + doing + ": " + serverMessage;
      default:
        return null;
    }
  }

  /**
   * A copy of {@code e} whose message is scrubbed, with the same SQLSTATE and stack, to keep as a cause: the
   * original may echo a URL.
   */
  public static SQLException scrubbed(Redactor redactor, SQLException e) {
    String clean = redactor.scrub(e.getMessage());
    if (clean == null || clean.equals(e.getMessage())) {
      return e;
    }
    SQLException copy = new SQLException(clean, e.getSQLState(), e.getErrorCode());
    copy.setStackTrace(e.getStackTrace());
    return copy;
  }
}
