package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.RefusedRowIsolator;
import io.copyjob.sql.jdbc.RowRefusedException;
import io.copyjob.sql.jdbc.RowRejecter;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.RowRejects;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.copyjob.spi.SplitWriter;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The "bulk insert" method: {@code INSERT ... VALUES (?, ...)} with typed parameters, sent in batches of
 * {@code insertBatchSize} rows (the driver rewrites a batch into multi-row INSERTs). Runs inside the sink's
 * transaction. With a reject policy, each record batch is sent alone in a savepoint, so that rows the table refuses
 * are found and rejected.
 */
final class InsertWriter implements SplitWriter {
  private final Connection connection;
  private final String sql;
  private final ParameterBinder[] binders;
  private final int batchSize;
  private final WriteContext context;
  private final RefusedRowIsolator isolator;
  private final RowRejecter rejecter;
  private PreparedStatement statement;
  private RecordBatch vectorsOf;
  private ColumnVector[] vectors;
  private int pending;
  /** Rows inserted (sent or pending). */
  private long rows;
  /** Rows of every batch written so far, refused ones included. */
  private long rowsSeen;

  /**
   * @param rejects where rows the table refuses go, or null when the first one fails the write; with it, each
   *     batch is sent alone inside a savepoint (see {@link RefusedRowIsolator})
   */
  InsertWriter(Connection connection, String qualifiedTable, Schema source, List<PgType> destTypes, int batchSize,
      WriteContext context, RowRejects rejects) {
    this.connection = connection;
    this.batchSize = batchSize;
    this.context = context;
    this.isolator = rejects == null ? null : new RefusedRowIsolator(connection, RefusedRowIsolator::dataOrIntegrityError);
    this.rejecter = rejects == null ? null : new RowRejecter(context.table(), context.key(), rejects);
    this.binders = new ParameterBinder[source.size()];
    List<String> params = new ArrayList<>();
    for (int i = 0; i < binders.length; i++) {
      binders[i] = ParameterBinder.forColumn(source.field(i).type(), destTypes.get(i));
      params.add("CAST(? AS " + destTypes.get(i).castName() + ")");
    }
    this.sql = new SqlStatements(PostgresDialect.INSTANCE).insert(qualifiedTable, source.names(), params);
  }

  String sql() { return sql; }

  @Override
  public void write(RecordBatch batch) {
    int n = batch.rowCount();
    try {
      if (statement == null) {
        statement = connection.prepareStatement(sql);
      }
      if (isolator == null) {
        addRows(batch, 0, n);
        rows += n;
      } else {
        isolator.load(0, n, (from, to) -> insertNow(batch, from, to),
            (row, why) -> PgRefusal.reject(rejecter, batch, row, rowsSeen, why));
      }
      rowsSeen += n;
    } catch (RowRefusedException e) {
      throw context.badValue(e.getMessage(), batch, e.row(), e.column(), rowsSeen);
    } catch (SQLException e) {
      throw translate(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // INSERT reads no stream: not reached
    }
  }

  /** Binds rows {@code [from, to)}, sending every {@code insertBatchSize} rows. */
  private void addRows(RecordBatch batch, int from, int to) throws SQLException {
    ColumnVector[] columns = vectors(batch);
    int row = from;
    int col = 0;
    try {
      for (; row < to; row++) {
        for (col = 0; col < columns.length; col++) {
          ColumnVector v = columns[col];
          if (v.isNull(row)) {
            statement.setNull(col + 1, Types.NULL);
          } else {
            binders[col].bind(statement, col + 1, v, row);
          }
        }
        statement.addBatch();
        if (++pending == batchSize) {
          flush();
        }
      }
    } catch (BadValueException e) {
      throw new RowRefusedException(row, batch.schema().field(col).name(), e.getMessage());
    }
  }

  /** Inserts rows {@code [from, to)} now, as the isolator's unit; on failure nothing of them stays pending. */
  private void insertNow(RecordBatch batch, int from, int to) throws SQLException {
    try {
      addRows(batch, from, to);
      flush();
      rows += to - from;
    } catch (SQLException e) {
      statement.clearBatch();
      pending = 0;
      // a batch error wraps the server's error, which says what the row broke
      throw e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
    }
  }

  private ColumnVector[] vectors(RecordBatch batch) {
    if (vectorsOf != batch) {
      vectorsOf = batch;
      vectors = new ColumnVector[batch.columnCount()];
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = batch.column(i);
      }
    }
    return vectors;
  }

  private void flush() throws SQLException {
    if (pending > 0) {
      statement.executeBatch();
      pending = 0;
    }
  }

  /** A batch error wraps the server's error, which names the constraint and row. */
  private CopyJobException translate(SQLException e) {
    SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
    return context.errors().translate(cause, "inserting rows", context.table());
  }

  @Override
  public Fragment finish() {
    try {
      flush();
      return new PgFragment(rows, 0);
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      JdbcResources.closeQuietly(statement);
      statement = null;
    }
  }

  @Override
  public void abort() {
    JdbcResources.closeQuietly(statement);
    statement = null;
  }
}
