package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.Redactor;
import java.sql.SQLException;

/**
 * A connector's translation of driver errors into {@link CopyJobException}s with the right code and context, every
 * message scrubbed of the connection's secrets. The code comes from the {@link Dialect}; a refused login names the
 * server and the user, an unreachable server names what was being done; the connector words every other failure
 * (rejected rows, conversions) in {@link #statementError}. One per connection configuration; thread-safe.
 */
public abstract class JdbcErrorTranslator {
  private final Dialect dialect;
  private final Redactor redactor;
  private final String location;
  private final String user;

  /**
   * A translator for the server at {@code location} ({@code host:port/database}), logged into as {@code user} (a
   * name to show, e.g. {@code "(none)"} when there is none), whose secrets {@code redactor} removes.
   */
  protected JdbcErrorTranslator(Dialect dialect, Redactor redactor, String location, String user) {
    this.dialect = dialect;
    this.redactor = redactor;
    this.location = location;
    this.user = user;
  }

  /** The redactor of the connection's secrets, for messages the connector builds itself. */
  public final Redactor redactor() {
    return redactor;
  }

  /** {@code host:port/database} of the server, safe for messages. */
  protected final String location() {
    return location;
  }

  /** {@code e}, raised while {@code doing} something (e.g. {@code "committing"}) to {@code table} (null when none). */
  public final CopyJobException translate(SQLException e, String doing, String table) {
    ErrorCode code = dialect.errorCode(e);
    String server = redactor.scrub(e.getMessage());
    String connection = JdbcErrors.connectionProblem(code, dialect, location, user, doing, server);
    if (connection != null) {
      return CopyJobException.builder(code, connection).table(table).cause(JdbcErrors.scrubbed(redactor, e)).build();
    }
    return statementError(code, e, doing, table, server);
  }

  /**
   * The exception of a failed statement, with {@code code} from the dialect and the server's message already
   * scrubbed; the implementation scrubs whatever else it quotes from {@code e} and keeps
   * {@link JdbcErrors#scrubbed} as the cause.
   */
  protected abstract CopyJobException statementError(ErrorCode code, SQLException e, String doing, String table,
      String scrubbedMessage);
}
