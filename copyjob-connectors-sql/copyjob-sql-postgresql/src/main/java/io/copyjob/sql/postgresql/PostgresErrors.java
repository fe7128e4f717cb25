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
final class PostgresErrors extends JdbcErrorTranslator {
  /** {@code COPY t, line 12, column amount: "abc"}: where PostgreSQL says a COPY failed. */
  private static final Pattern COPY_WHERE = Pattern.compile("COPY [^,]+, line (\\d+)(?:, column ([^:]+))?");

  PostgresErrors(PostgresOptions options) {
    super(PostgresDialect.INSTANCE, options.redactor(), options.location(), options.user().orElse("(none)"));
  }

  @Override
  protected CopyJobException statementError(ErrorCode code, SQLException e, String doing, String table, String server) {
    if (code == ErrorCode.ROW_REJECTED || code == ErrorCode.CONVERSION_FAILED) {
      return dataError(code, e, doing, table);
    }
    return CopyJobException.builder(code, "PostgreSQL failed while " + doing + ": " + server
            + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"))
        .table(table).cause(JdbcErrors.scrubbed(redactor(), e)).build();
  }

  private CopyJobException dataError(ErrorCode code, SQLException e, String doing, String table) {
    Redactor r = redactor();
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
            + location() + " while " + doing + ": " + redactor().scrub(e.getMessage()))
        .table(table).cause(e).build();
  }
}
