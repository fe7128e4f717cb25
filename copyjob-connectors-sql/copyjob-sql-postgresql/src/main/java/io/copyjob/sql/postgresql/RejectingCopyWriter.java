package io.copyjob.sql.postgresql;

import io.copyjob.data.RecordBatch;
import io.copyjob.sql.jdbc.RefusedRowIsolator;
import io.copyjob.sql.jdbc.RowRefusedException;
import io.copyjob.sql.jdbc.RowRejecter;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.RowRejects;
import io.copyjob.spi.SplitWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * The COPY writer for jobs that allow rejected rows: each batch is one COPY inside a savepoint, cut in halves by
 * {@link RefusedRowIsolator} when the table refuses a row, until the refused rows stand alone; they are handed to
 * {@link RowRejects} and skipped. Batches without refused rows take one COPY each, a little slower than the single
 * stream of {@link CopyWriter}.
 */
final class RejectingCopyWriter implements SplitWriter {
  private final Connection connection;
  private final CopyRows encoder;
  private final WriteContext context;
  private final RowRejecter rejecter;
  private final RefusedRowIsolator isolator;
  private long rows;
  private long rowsSeen;
  private long bytes;

  RejectingCopyWriter(Connection connection, CopyPlan plan, WriteContext context, RowRejects rejects) {
    this.connection = connection;
    this.encoder = new CopyRows(plan);
    this.context = context;
    this.rejecter = new RowRejecter(context.table(), context.key(), rejects);
    this.isolator = new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError);
  }

  @Override
  public void write(RecordBatch batch) {
    try {
      isolator.load(0, batch.rowCount(), (from, to) -> copy(batch, from, to), (row, why) -> PgRefusal.reject(rejecter, batch, row, rowsSeen, why));
    } catch (SQLException e) {
      throw context.errors().translate(e, "writing rows", context.table());
    } catch (IOException e) {
      throw context.errors().io(e, "writing rows", context.table());
    }
    rowsSeen += batch.rowCount();
  }

  /** Copies rows {@code [from, to)} in one COPY; on failure the COPY is cancelled before the error is thrown. */
  private void copy(RecordBatch batch, int from, int to) throws SQLException, IOException {
    CopyIn[] copy = new CopyIn[1];
    try {
      CopyOutput out = encoder.start(connection, copy);
      encoder.write(batch, from, to, out);
      encoder.end(out);
      rows += copy[0].endCopy();
      bytes += out.bytesWritten();
    } catch (CopyRows.BadCell e) {
      // Refused before it reached the server: that row is known.
      cancel(copy[0]);
      throw new RowRefusedException(e.row, batch.schema().field(e.column).name(), e.getMessage());
    } catch (SQLException | IOException | RuntimeException e) {
      cancel(copy[0]);
      throw e;
    }
  }

  private static void cancel(CopyIn copy) {
    if (copy != null) {
      CopyWriter.cancelQuietly(copy);
    }
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
