package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.data.TimestampVector;
import io.copyjob.spi.SplitReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Streams one split's SELECT into bounded batches: a forward-only, read-only result set with a fetch size over a
 * connection with adaptive response buffering, so the driver holds a few packets, not the table. Values go
 * straight into the typed vectors (longs, doubles, timestamps as epoch micros + nanos: datetime2(7) is lossless).
 */
final class ResultSetReader implements SplitReader {
  private static final int BYTE_CHECK_INTERVAL = 256;

  private final Connection connection;
  private final Statement statement;
  private final ResultSet rs;
  private final Schema schema;
  private final int batchRows;
  private final String table;
  private final String split;
  private final SqlServerErrors errors;
  private long rowsRead;
  private boolean done;

  ResultSetReader(Connection connection, String sql, Schema schema, int batchRows, int fetchSize, String table,
      String split, SqlServerErrors errors) {
    this.connection = connection;
    this.schema = schema;
    this.batchRows = batchRows;
    this.table = table;
    this.split = split;
    this.errors = errors;
    try {
      this.statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(fetchSize);
      this.rs = statement.executeQuery(sql);
    } catch (SQLException e) {
      JdbcResources.closeQuietly(connection);
      throw errors.translate(e, "reading " + split, table);
    }
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(schema, batchRows);
    int row = 0;
    try {
      while (row < batchRows) {
        if (!rs.next()) {
          done = true;
          break;
        }
        for (int i = 0; i < schema.size(); i++) {
          read(batch.column(i), row, i + 1);
        }
        row++;
        rowsRead++;
        if (row % BYTE_CHECK_INTERVAL == 0) {
          batch.setRowCount(row);
          if (batch.estimatedBytes() >= RecordBatch.DEFAULT_MAX_BYTES) {
            break;
          }
        }
      }
    } catch (SQLException e) {
      throw errors.translate(e, "reading row " + (rowsRead + 1) + " of " + split, table);
    }
    batch.setRowCount(row);
    return row == 0 && done ? null : batch;
  }

  /** Reads column {@code index} (1-based) of the current row into {@code row} of {@code v}. */
  private void read(ColumnVector v, int row, int index) throws SQLException {
    LogicalType t = v.type();
    switch (t.id()) {
      case BOOLEAN: {
        boolean b = rs.getBoolean(index);
        if (rs.wasNull()) { v.setNull(row); } else { ((io.copyjob.data.BooleanVector) v).set(row, b); }
        return;
      }
      case INT8: case INT16: case INT32: case INT64: {
        long l = rs.getLong(index);
        if (rs.wasNull()) { v.setNull(row); } else { ((io.copyjob.data.LongVector) v).set(row, l); }
        return;
      }
      case FLOAT32: case FLOAT64: {
        double d = t.id() == io.copyjob.data.TypeId.FLOAT32 ? rs.getFloat(index) : rs.getDouble(index);
        if (rs.wasNull()) { v.setNull(row); } else { ((io.copyjob.data.DoubleVector) v).set(row, d); }
        return;
      }
      case DATE: {
        LocalDate d = rs.getObject(index, LocalDate.class);
        if (d == null) { v.setNull(row); } else { ((io.copyjob.data.LongVector) v).set(row, d.toEpochDay()); }
        return;
      }
      case TIME: {
        LocalTime d = rs.getObject(index, LocalTime.class);
        if (d == null) { v.setNull(row); } else { ((io.copyjob.data.LongVector) v).set(row, d.toNanoOfDay()); }
        return;
      }
      case TIMESTAMP: {
        LocalDateTime d = rs.getObject(index, LocalDateTime.class);
        if (d == null) {
          v.setNull(row);
        } else {
          ((TimestampVector) v).setEpochSecond(row, d.toEpochSecond(ZoneOffset.UTC), d.getNano());
        }
        return;
      }
      case TIMESTAMP_TZ: {
        OffsetDateTime d = rs.getObject(index, OffsetDateTime.class);
        if (d == null) {
          v.setNull(row);
        } else {
          ((TimestampVector) v).setEpochSecond(row, d.toEpochSecond(), d.getNano());
        }
        return;
      }
      case DECIMAL: {
        java.math.BigDecimal d = rs.getBigDecimal(index);
        v.setObject(row, d);
        return;
      }
      case BINARY:
        v.setObject(row, rs.getBytes(index));
        return;
      case UUID: {
        String s = rs.getString(index);
        v.setObject(row, s == null ? null : UUID.fromString(s));
        return;
      }
      case STRING: case JSON:
        v.setObject(row, rs.getString(index));
        return;
      default:
        throw CopyJobException.builder(ErrorCode.UNSUPPORTED_CONVERSION, "SQL Server cannot read a " + t + " column")
            .table(table).column(schema.field(index - 1).name()).build();
    }
  }

  @Override
  public void close() {
    JdbcResources.closeQuietly(rs);
    try {
      // cancel first: closing a half-read result set would otherwise drain the rest of the rows
      if (!done) {
        statement.cancel();
      }
    } catch (SQLException ignored) {
      // closing the connection ends the request anyway
    }
    JdbcResources.closeQuietly(statement);
    JdbcResources.closeQuietly(connection);
  }
}
