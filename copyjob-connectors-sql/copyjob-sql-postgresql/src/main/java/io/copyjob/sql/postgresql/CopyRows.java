package io.copyjob.sql.postgresql;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Encodes rows of batches into a COPY stream, binary or text as the {@link CopyPlan} says. */
final class CopyRows {
  private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
      0, 0, 0, 0, 0, 0, 0, 0};

  private final CopyPlan plan;

  CopyRows(CopyPlan plan) {
    this.plan = plan;
  }

  /** A value that could not be encoded, with where it is in its batch. */
  static final class BadCell extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int row;
    final int column;

    BadCell(BadValueException cause, int row, int column) {
      super(cause.getMessage(), cause, false, false);
      this.row = row;
      this.column = column;
    }

    BadValueException value() {
      return (BadValueException) getCause();
    }
  }

  /** Starts {@code COPY ... FROM STDIN} on {@code connection}, with the stream's header written. */
  CopyOutput start(Connection connection, CopyIn[] started) throws SQLException, IOException {
    CopyIn c = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(plan.sql());
    started[0] = c;
    CopyOutput out = new CopyOutput((b, off, len) -> {
      try {
        c.writeToCopy(b, off, len);
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    }, CopyOutput.DEFAULT_SIZE);
    if (plan.binary()) {
      out.writeBytes(HEADER, 0, HEADER.length);
    }
    return out;
  }

  /** Writes the stream's trailer and flushes; the caller then ends the COPY. */
  void end(CopyOutput out) throws IOException {
    if (plan.binary()) {
      out.writeShort(-1);
    }
    out.flush();
  }

  /** Writes rows {@code [from, to)} of {@code batch}; a value that cannot be encoded throws {@link BadCell}. */
  void write(RecordBatch batch, int from, int to, CopyOutput out) throws IOException {
    ColumnVector[] vectors = new ColumnVector[batch.columnCount()];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = batch.column(i);
    }
    int row = from;
    int col = 0;
    try {
      if (plan.binary()) {
        FieldEncoder[] encoders = plan.encoders();
        for (; row < to; row++) {
          out.writeShort(encoders.length);
          for (col = 0; col < encoders.length; col++) {
            ColumnVector v = vectors[col];
            if (v.isNull(row)) {
              out.writeInt(-1);
            } else {
              encoders[col].encode(v, row, out);
            }
          }
        }
      } else {
        TextRenderer[] renderers = plan.renderers();
        for (; row < to; row++) {
          for (col = 0; col < renderers.length; col++) {
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
      }
    } catch (BadValueException e) {
      throw new BadCell(e, row, col);
    }
  }
}
