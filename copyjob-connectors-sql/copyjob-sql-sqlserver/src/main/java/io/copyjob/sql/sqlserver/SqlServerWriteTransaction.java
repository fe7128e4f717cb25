package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.sql.jdbc.JdbcWriteTransaction;
import io.copyjob.sql.jdbc.RefusedRowIsolator;
import io.copyjob.sql.jdbc.RowKey;
import io.copyjob.sql.jdbc.RowRefusedException;
import io.copyjob.sql.jdbc.RowRejecter;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.RowRejects;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteRequest;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A write of one SQL Server table in one transaction (the lifecycle is {@link JdbcWriteTransaction}'s): bulk copy
 * ({@code SQLServerBulkCopy} joined to the transaction, no internal transaction), {@code DELETE} for overwrite, and
 * for upsert a {@code #temp} staging table loaded by bulk copy, each row with its arrival ordinal, and merged with
 * {@code MERGE} at commit, the last row of a key written twice in the run winning (as in PostgreSQL).
 *
 * <p>An IDENTITY column among the written columns keeps the written values (bulk copy's KeepIdentity, and
 * {@code SET IDENTITY_INSERT ... ON/OFF} around the MERGE) unless {@code identityInsert=false}, which fails.
 */
final class SqlServerWriteTransaction extends JdbcWriteTransaction<SqlServerColumn> {
  private final SqlServerDatabase db;
  private final SqlServerOptions options;
  private final List<BulkColumn> bulkColumns = new ArrayList<>();
  private boolean writesIdentity;
  private String staging;
  /** Rows staged so far by every writer of the transaction: the next row's ordinal. */
  private long staged;

  SqlServerWriteTransaction(SqlServerDatabase db, WriteRequest request) {
    super(db.connections(), db.catalog(), request);
    this.db = db;
    this.options = db.options();
  }

  @Override
  protected void checkColumn(Field f, SqlServerColumn c) {
    if (!c.writable()) {
      throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "column " + f.name() + " of " + display()
          + " is computed or a rowversion and cannot be written; deselect it").table(display()).column(f.name()).build();
    }
    if (c.identity()) {
      if (!options.identityInsert()) {
        throw CopyJobException.builder(ErrorCode.INVALID_JOB, "column " + f.name() + " of " + display()
            + " is an IDENTITY column and identityInsert is false; deselect it or set identityInsert=true")
            .table(display()).column(f.name()).build();
      }
      writesIdentity = true;
    }
    bulkColumns.add(BulkColumn.of(f.name(), f.type(), c.type()));
  }

  @Override
  protected void prepareOverwrite() throws SQLException {
    execute(SqlServerSql.deleteAll(table().qualifiedName(), options.tableLock()));
  }

  @Override
  protected void prepareUpsert(List<String> keys) throws SQLException {
    staging = SqlServerDialect.INSTANCE.quoteIdentifier(SqlServerSql.tempTableName(request().runId()));
    List<String> names = request().schema().names();
    List<String> declarations = new ArrayList<>();
    for (String n : names) {
      declarations.add(table().column(n).orElseThrow().type().declaration());
    }
    execute(SqlServerSql.createStaging(staging, names, declarations));
  }

  /**
   * With a reject policy, rows loaded straight into the table go in savepoints so that rows the table refuses are
   * isolated and rejected; rows staged for an upsert meet the constraints only in the MERGE, where no one row can be
   * told apart: there a refused row fails the write, as without a policy.
   */
  @Override
  protected SplitWriter newWriter(int index) {
    RowKey key = RowKey.of(request().schema(), request().primaryKey().isEmpty() ? upsertKeys() : request().primaryKey());
    return new BulkWriter(staging == null ? request().rejects().orElse(null) : null, key);
  }

  /** Bulk copies each batch into the table (or the staging table) inside the transaction. */
  private final class BulkWriter implements SplitWriter {
    private final RefusedRowIsolator isolator;
    private final RowRejecter rejecter;
    private long rows;
    private long rowsSeen;

    BulkWriter(RowRejects rejects, RowKey key) {
      this.isolator = rejects == null ? null : new RefusedRowIsolator(connection(), SqlServerErrors::refusesRows);
      this.rejecter = rejects == null ? null : new RowRejecter(display(), key, rejects);
    }

    @Override
    public void write(RecordBatch batch) {
      if (batch.rowCount() == 0) {
        return;
      }
      try {
        if (isolator != null) {
          isolator.load(0, batch.rowCount(),
              (from, to) -> bulkCopy(BatchBulkData.rows(bulkColumns, batch, from, to), to - from, false),
              (row, why) -> reject(batch, row, why));
        } else if (staging == null) {
          bulkCopy(new BatchBulkData(bulkColumns, batch), batch.rowCount(), false);
        } else {
          // the rows' arrival order, so the MERGE keeps the last row of a key written twice
          bulkCopy(BatchBulkData.withOrdinals(bulkColumns, batch, staged), batch.rowCount(), true);
        }
      } catch (SQLException e) {
        throw db.errors().translate(e, "bulk loading rows " + (rowsSeen + 1) + " to " + (rowsSeen + batch.rowCount()),
            display());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // bulk copy reads no stream: not reached
      }
      rowsSeen += batch.rowCount();
    }

    private void bulkCopy(BatchBulkData data, int count, boolean ordinals) throws SQLException {
      try (SQLServerBulkCopy bulk = new SQLServerBulkCopy(connection())) {
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setUseInternalTransaction(false); // part of the write transaction
        o.setKeepNulls(true); // NULL stays NULL instead of taking the column default
        o.setCheckConstraints(true); // a CHECK or FOREIGN KEY violation fails the load as an INSERT would (off by default)
        o.setKeepIdentity(writesIdentity);
        o.setTableLock(options.tableLock());
        o.setBatchSize(options.batchSize());
        o.setBulkCopyTimeout(0);
        bulk.setBulkCopyOptions(o);
        bulk.setDestinationTableName(staging == null ? table().qualifiedName() : staging);
        for (BulkColumn c : bulkColumns) {
          bulk.addColumnMapping(c.name(), c.name());
        }
        if (ordinals) {
          bulk.addColumnMapping(SqlServerSql.ORDINAL, SqlServerSql.ORDINAL);
        }
        bulk.writeToServer(data);
      }
      rows += count;
      staged += count;
    }

    private void reject(RecordBatch batch, int row, SQLException why) {
      rejecter.reject(batch, row, rowsSeen, why instanceof RowRefusedException known ? known.column() : null,
          db.errors().redactor().scrub(why.getMessage()));
    }

    @Override
    public Fragment finish() {
      long n = rows;
      return new Fragment() {
        @Override
        public long rows() { return n; }

        @Override
        public long bytes() { return 0; }
      };
    }

    @Override
    public void abort() {
      // the transaction's rollback discards the rows
    }
  }

  @Override
  protected long merge() throws SQLException {
    String target = table().qualifiedName();
    try (Statement s = connection().createStatement()) {
      if (writesIdentity) {
        s.execute(SqlServerSql.identityInsert(target, true));
      }
      long n = s.executeUpdate(SqlServerSql.upsertMerge(target, staging, request().schema().names(), upsertKeys(),
          SqlServerColumn.identityOf(table())));
      if (writesIdentity) {
        s.execute(SqlServerSql.identityInsert(target, false));
      }
      s.execute(SqlServerSql.dropTable(staging));
      return n;
    }
  }
}
