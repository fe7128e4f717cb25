package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams batches into {@code COPY table (cols) FROM STDIN}, in the binary format when every column has a
 * binary encoder for its destination type, else in the text format. Rows are encoded straight from the
 * vectors into one large buffer that goes to the server in big chunks. Runs inside the sink's transaction.
 */
final class CopyWriter implements SplitWriter {
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
      0, 0, 0, 0, 0, 0, 0, 0};

  private final Connection connection;
  private final CopyPlan plan;
  private final WriteContext context;
  private CopyIn copy;
  private CopyOutput out;
  private long rows;
  private boolean ended;

  CopyWriter(Connection connection, CopyPlan plan, WriteContext context) {
    this.connection = connection;
    this.plan = plan;
    this.context = context;
  }

  @Override
  public void write(RecordBatch batch) {
    try {
      if (copy == null) {
        start();
      }
      if (plan.binary()) {
        writeBinary(batch);
      } else {
        writeText(batch);
      }
      rows += batch.rowCount();
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

  private void start() throws SQLException, IOException {
    CopyIn c = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(plan.sql());
    copy = c;
    out = new CopyOutput((b, off, len) -> {
      try {
        c.writeToCopy(b, off, len);
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    }, CopyOutput.DEFAULT_SIZE);
    if (plan.binary()) {
      out.writeBytes(HEADER, 0, HEADER.length);
    }
  }

  private void writeBinary(RecordBatch batch) throws IOException {
    FieldEncoder[] encoders = plan.encoders();
    int columns = encoders.length;
    ColumnVector[] vectors = vectors(batch);
    int n = batch.rowCount();
    int row = 0;
    int col = 0;
    try {
      for (row = 0; row < n; row++) {
        out.writeShort(columns);
        for (col = 0; col < columns; col++) {
          ColumnVector v = vectors[col];
          if (v.isNull(row)) {
            out.writeInt(-1);
          } else {
            encoders[col].encode(v, row, out);
          }
        }
      }
    } catch (BadValueException e) {
      throw context.badValue(e, batch, row, col, rows);
    }
  }

  private void writeText(RecordBatch batch) throws IOException {
    TextRenderer[] renderers = plan.renderers();
    int columns = renderers.length;
    ColumnVector[] vectors = vectors(batch);
    int n = batch.rowCount();
    int row = 0;
    int col = 0;
    try {
      for (row = 0; row < n; row++) {
        for (col = 0; col < columns; col++) {
          if (col > 0) {
            out.writeByte('\t');
          }
          ColumnVector v = vectors[col];
          if (v.isNull(row)) {
            out.writeByte('\\');
            out.writeByte('N');
          } else {
            out.writeCopyText(renderers[col].render(v, row));
          }
        }
        out.writeByte('\n');
      }
    } catch (BadValueException e) {
      throw context.badValue(e, batch, row, col, rows);
    }
  }

  private static ColumnVector[] vectors(RecordBatch batch) {
    ColumnVector[] vectors = new ColumnVector[batch.columnCount()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = batch.column(i);
    }
    return vectors;
  }

  @Override
  public Fragment finish() {
    if (copy == null) {
      return new PgFragment(0, 0);
    }
    try {
      if (plan.binary()) {
        out.writeShort(-1);
      }
      out.flush();
      long count = copy.endCopy();
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
    if (copy != null && !ended) {
      ended = true;
      try {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      } catch (SQLException ignored) {
        // the server already ended the COPY with the error we are reporting
      }
    }
  }
}
