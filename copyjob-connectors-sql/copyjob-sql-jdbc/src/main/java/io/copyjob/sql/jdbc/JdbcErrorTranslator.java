package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.spi.Redactor;
import java.sql.SQLException;

/**
 * A connector's translation of driver errors into {@link CopyJobException}s with the right code and context,
 * every message scrubbed of the connection's secrets. One per connection configuration; thread-safe.
 */
public interface JdbcErrorTranslator {

  /** {@code e}, raised while {@code doing} something (e.g. {@code "committing"}) to {@code table} (null when none). */
  CopyJobException translate(SQLException e, String doing, String table);

  /** The redactor of the connection's secrets, for messages the connector builds itself. */
  Redactor redactor();
}
