package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.sql.jdbc.JdbcErrorTranslator;
import io.copyjob.sql.jdbc.JdbcErrors;
import io.copyjob.spi.Redactor;
import java.io.IOException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns PostgreSQL errors into {@link CopyJobException}s with the right code and context: user and host for
 * authentication, constraint and row detail for rejected rows, column and COPY line for conversions. Every
 * message is scrubbed of the connection's secrets.
 */
final class PostgresErrors implements JdbcErrorTranslator {
  /** {@code COPY t, line 12, column amount: "abc"}: where PostgreSQL says a COPY failed. */
  private static final Pattern COPY_WHERE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

  private final PostgresOptions options;

  PostgresErrors(PostgresOptions options) {
    this.options = options;
  }

  @Override
  public Redactor redactor() {
    return options.redactor();
  }

  /** {@code e} while {@code doing} something to {@code table} (null when none). */
  @Override
  public CopyJobException translate(SQLException e, String doing, String table) {
    ErrorCode code = PostgresDialect.INSTANCE.errorCode(e);
    Redactor r = options.redactor();
    String server = r.scrub(e.getMessage());
    switch (code) {
      case AUTHENTICATION_FAILED:
        return CopyJobException.builder(code, "PostgreSQL at " + options.location() + " refused the credentials of user '"
                + options.user().orElse("(none)") + "': " + server)
            .table(table).cause(JdbcErrors.scrubbed(r, e)).build();
      case CONNECTION_FAILED:
        return CopyJobException.builder(code, "cannot reach PostgreSQL at " + options.location() + " while " + doing + ": " + server)
            .table(table).cause(JdbcErrors.scrubbed(r, e)).build();
      case ROW_REJECTED: case CONVERSION_FAILED:
        return dataError(code, e, doing, table);
      default:
        return CopyJobException.builder(code, "PostgreSQL failed while " + doing + ": " + server
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"))
            .table(table).cause(JdbcErrors.scrubbed(r, e)).build();
    }
  }

  private CopyJobException dataError(ErrorCode code, SQLException e, String doing, String table) {
    Redactor r = options.redactor();
    ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    StringBuilder detail = new StringBuilder(code == ErrorCode.ROW_REJECTED ? "PostgreSQL rejected a row while "
        : "PostgreSQL could not convert a value while ").append(doing).append(": ");
    String column = null;
    String location = null;
    if (m == null) {
      detail.append(r.scrub(e.getMessage()));
    } else {
      detail.append(m.getMessage());
      if (m.getConstraint() != null) {
        detail.append(" (constraint ").append(m.getConstraint()).append(')');
      }
      column = m.getColumn();
      if (m.getWhere() != null) {
        Matcher w = COPY_WHERE.matcher(m.getWhere());
        if (w.find()) {
          location = "COPY row " + w.group(1);
          if (column == null && w.group(2) != null) {
            column = w.group(2).trim();
          }
        }
      }
      if (m.getDetail() != null) {
        // e.g. "Key (id)=(42) already exists." names the row key
        location = location == null ? m.getDetail() : location + ": " + m.getDetail();
      }
    }
    return CopyJobException.builder(code, r.scrub(detail.toString()))
        .table(table).column(column).location(r.scrub(location)).cause(JdbcErrors.scrubbed(r, e)).build();
  }

  /** An I/O failure of the COPY stream: the connection broke, or the driver wrapped a server error. */
  CopyJobException io(IOException e, String doing, String table) {
    if (e.getCause() instanceof SQLException s) {
      return translate(s, doing, table);
    }
    return CopyJobException.builder(ErrorCode.CONNECTION_FAILED, "lost the connection to PostgreSQL at "
            + options.location() + " while " + doing + ": " + options.redactor().scrub(e.getMessage()))
        .table(table).cause(e).build();
  }
}
