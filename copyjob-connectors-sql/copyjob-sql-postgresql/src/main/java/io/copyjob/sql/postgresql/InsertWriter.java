package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.spi.Fragment;
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
 * transaction.
 */
final class InsertWriter implements SplitWriter {
  private final Connection connection;
  private final String sql;
  private final ParameterBinder[] binders;
  private final int batchSize;
  private final WriteContext context;
  private PreparedStatement statement;
  private int pending;
  private long rows;

  InsertWriter(Connection connection, String qualifiedTable, Schema source, List<PgType> destTypes, int batchSize,
      WriteContext context) {
    this.connection = connection;
    this.batchSize = batchSize;
    this.context = context;
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
    int row = 0;
    int col = 0;
    try {
      if (statement == null) {
        statement = connection.prepareStatement(sql);
      }
      ColumnVector[] vectors = new ColumnVector[batch.columnCount()];
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = batch.column(i);
      }
      int n = batch.rowCount();
      for (row = 0; row < n; row++) {
        for (col = 0; col < vectors.length; col++) {
          if (vectors[col].isNull(row)) {
            statement.setNull(col + 1, Types.NULL);
          } else {
            binders[col].bind(statement, col + 1, vectors[col], row);
          }
        }
        statement.addBatch();
        if (++pending == batchSize) {
          flush();
        }
      }
      rows += n;
    } catch (BadValueException e) {
      throw context.badValue(e, batch, row, col, rows);
    } catch (SQLException e) {
      throw translate(e);
    }
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
