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
