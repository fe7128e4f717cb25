package io.copyjob.sql.postgresql;

import io.copyjob.data.RecordBatch;
import io.copyjob.sql.jdbc.RowRefusedException;
import io.copyjob.sql.jdbc.RowRejecter;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** What PostgreSQL said of a row it refused: the column it names and its message, for the rejected-rows log. */
final class PgRefusal {
  private PgRefusal() {
  }

  /** Rejects row {@code row} of {@code batch} with the column and reason of {@code why}. */
  static void reject(RowRejecter rejecter, RecordBatch batch, int row, long rowsBefore, SQLException why) {
    if (why instanceof RowRefusedException known) {
      rejecter.reject(batch, row, rowsBefore, known.column(), known.getMessage());
      return;
    }
    ServerErrorMessage server = why instanceof PSQLException p ? p.getServerErrorMessage() : null;
    rejecter.reject(batch, row, rowsBefore, server == null ? null : server.getColumn(), reason(why, server));
  }

  private static String reason(SQLException e, ServerErrorMessage server) {
    if (server == null) {
      return e.getMessage();
    }
    // COPY's "CONTEXT: COPY t, line 1" is about the one-row load made to find the row: leave it out.
    return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
  }
}
