package io.copyjob.sql.postgresql;

import io.copyjob.data.RecordBatch;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RowRejects;
import io.copyjob.spi.SplitWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The COPY writer for jobs that allow rejected rows: each batch is one COPY inside a savepoint, so that a row the
 * table refuses (a CHECK, UNIQUE or foreign-key constraint, a NOT NULL, a value out of range) costs only that
 * batch; the batch is then cut in halves until the refused rows stand alone, which are handed to
 * {@link RowRejects} and skipped. A batch with k refused rows takes about k·log2(batch rows) extra COPYs; batches
 * without any take one COPY each, a little slower than the single stream of {@link CopyWriter}.
 */
final class RejectingCopyWriter implements SplitWriter {
  private final Connection connection;
  private final CopyRows encoder;
  private final WriteContext context;
  private final RowRejects rejects;
  private long rows;
  private long rowsSeen;
  private long bytes;

  RejectingCopyWriter(Connection connection, CopyPlan plan, WriteContext context, RowRejects rejects) {
    this.connection = connection;
    this.encoder = new CopyRows(plan);
    this.context = context;
    this.rejects = rejects;
  }

  @Override
  public void write(RecordBatch batch) {
    try {
      copy(batch, 0, batch.rowCount());
    } catch (SQLException e) {
      throw context.errors().translate(e, "writing rows", context.table());
    } catch (IOException e) {
      throw context.errors().io(e, "writing rows", context.table());
    }
    rowsSeen += batch.rowCount();
  }

  /** Copies rows {@code [from, to)}, rejecting the ones the table refuses. */
  private void copy(RecordBatch batch, int from, int to) throws SQLException, IOException {
    if (from >= to) {
      return;
    }
    Savepoint savepoint = connection.setSavepoint();
    CopyIn[] copy = new CopyIn[1];
    try {
      CopyOutput out = encoder.start(connection, copy);
      encoder.write(batch, from, to, out);
      encoder.end(out);
      rows += copy[0].endCopy();
      bytes += out.bytesWritten();
      connection.releaseSavepoint(savepoint);
    } catch (CopyRows.BadCell e) {
      // Refused before it reached the server: reject that row, copy the rows around it.
      undo(copy[0], savepoint);
      reject(batch, e.row, batch.schema().field(e.column).name(), e.getMessage());
      copy(batch, from, e.row);
      copy(batch, e.row + 1, to);
    } catch (SQLException e) {
      if (!refusesRows(e)) {
        undo(copy[0], savepoint);
        throw e;
      }
      undo(copy[0], savepoint);
      if (to - from == 1) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        reject(batch, from, server == null ? null : server.getColumn(), reason(e, server));
        return;
      }
      int middle = (from + to) >>> 1;
      copy(batch, from, middle);
      copy(batch, middle, to);
    }
  }

  /** Data exceptions (class 22) and integrity violations (class 23) are about rows; anything else is not. */
  private static boolean refusesRows(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("22") || state.startsWith("23"));
  }

  private void undo(CopyIn copy, Savepoint savepoint) throws SQLException {
    if (copy != null) {
      CopyWriter.cancelQuietly(copy);
    }
    connection.rollback(savepoint);
  }

  private static String reason(SQLException e, ServerErrorMessage server) {
    if (server == null) {
      return e.getMessage();
    }
    // COPY's "CONTEXT: COPY t, line 1" is about the one-row COPY made to find the row: leave it out.
    return server.getMessage() + (server.getDetail() == null ? "" : " (" + server.getDetail() + ")");
  }

  private void reject(RecordBatch batch, int row, String column, String reason) {
    RejectedRow.Builder b = RejectedRow.builder(context.table(), reason).column(column)
        .values(RejectedRow.valuesOf(batch, row));
    String key = context.rowKey(batch, row);
    if (key != null) {
      b.rowKey(key);
    } else {
      b.line(rowsSeen + row + 1);
    }
    rejects.reject(b.build());
  }

  @Override
  public Fragment finish() {
    return new PgFragment(rows, bytes);
  }

  @Override
  public void abort() {
    // Every COPY ended or was cancelled inside write(): the transaction's rollback discards the rows.
  }
}
