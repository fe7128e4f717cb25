package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.data.RecordBatch;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Streams batches into {@code COPY table (cols) FROM STDIN}, in the binary format when every column has a
 * binary encoder for its destination type, else in the text format. Rows are encoded straight from the
 * vectors into one large buffer that goes to the server in big chunks. Runs inside the sink's transaction.
 */
final class CopyWriter implements SplitWriter {
  private final Connection connection;
  private final CopyRows encoder;
  private final WriteContext context;
  private final CopyIn[] copy = new CopyIn[1];
  private CopyOutput out;
  private long rows;
  private boolean ended;

  CopyWriter(Connection connection, CopyPlan plan, WriteContext context) {
    this.connection = connection;
    this.encoder = new CopyRows(plan);
    this.context = context;
  }

  @Override
  public void write(RecordBatch batch) {
    try {
      if (out == null) {
        out = encoder.start(connection, copy);
      }
      encoder.write(batch, 0, batch.rowCount(), out);
      rows += batch.rowCount();
    } catch (CopyRows.BadCell e) {
      cancel();
      throw context.badValue(e.value(), batch, e.row, e.column, rows);
    } catch (SQLException e) {
      cancel();
      throw context.errors().translate(e, "writing rows", context.table());
    } catch (IOException e) {
      cancel();
      throw context.errors().io(e, "writing rows", context.table());
    } catch (CopyJobException e) {
      cancel();
      throw e;
    }
  }

  @Override
  public Fragment finish() {
    if (out == null) {
      return new PgFragment(0, 0);
    }
    try {
      encoder.end(out);
      long count = copy[0].endCopy();
      ended = true;
      return new PgFragment(count, out.bytesWritten());
    } catch (SQLException e) {
      cancel();
      throw context.errors().translate(e, "writing rows", context.table());
    } catch (IOException e) {
      cancel();
      throw context.errors().io(e, "writing rows", context.table());
    }
  }

  @Override
  public void abort() {
    cancel();
  }

  /** Ends an unfinished COPY so the connection can roll back; the transaction discards what it sent. */
  private void cancel() {
    if (copy[0] != null && !ended) {
      ended = true;
      cancelQuietly(copy[0]);
    }
  }

  /** Cancels {@code copy} if it is still running. */
  static void cancelQuietly(CopyIn copy) {
    try {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // the server already ended the COPY with the error we are reporting
    }
  }
}
