package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.SplitReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads one split with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}, decoding each field straight into
 * the batch's vectors. Memory is bounded by one batch: it is cut at the requested row count or at
 * {@link RecordBatch#DEFAULT_MAX_BYTES}. Owns its connection, whose transaction imported the session snapshot.
 */
final class BinaryCopyReader implements SplitReader {
  /** "PGCOPY\n\377\r\n\0": the signature of the binary COPY format. */
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  /** Per-value overhead added to wire bytes when estimating a batch's heap size. */
  private static final int VALUE_OVERHEAD = 16;

  private final Connection connection;
  /** False when the connection is the read session's: closing then only ends the COPY. */
  private final boolean ownsConnection;
  private final String sql;
  private final Schema schema;
  private final FieldDecoder[] decoders;
  private final int batchRows;
  private final ReadContext context;
  private CopyOut copy;
  private CopyInput in;
  private boolean done;
  private long rowsRead;

  /** Where errors point: table, split and the row key columns. */
  record ReadContext(String table, String split, int[] rowKeyIndexes, PostgresErrors errors) {
  }

  BinaryCopyReader(Connection connection, boolean ownsConnection, String sql, Schema schema, FieldDecoder[] decoders,
      int batchRows, ReadContext context) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.sql = sql;
    this.schema = schema;
    this.decoders = decoders;
    this.batchRows = batchRows;
    this.context = context;
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    try {
      if (copy == null) {
        start();
      }
      return readBatch();
    } catch (SQLException e) {
      done = true;
      throw context.errors().translate(e, "reading " + context.split(), context.table());
    } catch (IOException e) {
      done = true;
      throw context.errors().io(e, "reading " + context.split(), context.table());
    }
  }

  private void start() throws SQLException, IOException {
    CopyOut c = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
    copy = c;
    in = new CopyInput(() -> {
      try {
        return c.readFromCopy();
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    });
    for (byte b : SIGNATURE) {
      if (in.readByte() != b) {
        throw new IOException("not a binary COPY stream");
      }
    }
    in.readInt(); // flags: no OIDs since PostgreSQL 12
    in.skip(in.readInt()); // header extension
  }

  private RecordBatch readBatch() throws IOException {
    int columns = decoders.length;
    RecordBatch batch = RecordBatch.allocate(schema, batchRows);
    ColumnVector[] vectors = new ColumnVector[columns];
    for (int i = 0; i < columns; i++) {
      vectors[i] = batch.column(i);
    }
    long startBytes = in.bytesRead();
    long maxBytes = RecordBatch.DEFAULT_MAX_BYTES;
    int row = 0;
    while (row < batchRows) {
      short fields = in.readShort();
      if (fields == -1) {
        finish();
        break;
      }
      if (fields != columns) {
        throw new IOException("COPY row has " + fields + " fields, expected " + columns);
      }
      int col = 0;
      try {
        for (; col < columns; col++) {
          int len = in.readInt();
          if (len < 0) {
            vectors[col].setNull(row);
          } else {
            decoders[col].decode(in, len, vectors[col], row);
          }
        }
      } catch (BadValueException e) {
        throw badValue(e, batch, row, col);
      }
      row++;
      rowsRead++;
      if (in.bytesRead() - startBytes + (long) row * columns * VALUE_OVERHEAD >= maxBytes) {
        break;
      }
    }
    if (row == 0) {
      return null;
    }
    batch.setRowCount(row);
    return batch;
  }

  /** The end of the data: drain the stream so the connection is ready again. */
  private void finish() throws IOException {
    done = true;
    if (!in.atEnd()) {
      throw new IOException("data after the end of the COPY stream");
    }
  }

  private CopyJobException badValue(BadValueException e, RecordBatch batch, int row, int col) {
    done = true;
    return CopyJobException.builder(ErrorCode.CONVERSION_FAILED, e.getMessage())
        .table(context.table())
        .column(schema.field(col).name())
        .location(rowLocation(batch, row, col))
        .build();
  }

  /** {@code row id=42} when the key columns come before the failing one, else the row's number in the split. */
  private String rowLocation(RecordBatch batch, int row, int failedColumn) {
    int[] keys = context.rowKeyIndexes();
    if (keys.length > 0) {
      StringBuilder sb = new StringBuilder("row ");
      boolean all = true;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] < 0 || keys[i] >= failedColumn) {
          all = false;
          break;
        }
        sb.append(i == 0 ? "" : ", ").append(schema.field(keys[i]).name()).append('=')
            .append(batch.column(keys[i]).getObject(row));
      }
      if (all) {
        return sb.toString();
      }
    }
    return "row " + (rowsRead + 1) + " of " + context.split();
  }

  @Override
  public long bytesRead() {
    return in == null ? 0 : in.bytesRead();
  }

  @Override
  public void close() {
    try {
      if (copy != null && copy.isActive()) {
        copy.cancelCopy();
      }
    } catch (SQLException ignored) {
      // closing the connection below ends the COPY anyway
    }
    if (!ownsConnection) {
      return; // the read session ends the transaction and closes its connection
    }
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // a broken connection has no transaction left to end
    }
    JdbcResources.closeQuietly(connection);
  }
}
