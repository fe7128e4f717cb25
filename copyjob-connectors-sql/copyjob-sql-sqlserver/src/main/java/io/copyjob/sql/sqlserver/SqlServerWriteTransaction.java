package io.copyjob.sql.sqlserver;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.sql.jdbc.JdbcWriteTransaction;
import io.copyjob.spi.Fragment;
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

  @Override
  protected SplitWriter newWriter(int index) {
    return new BulkWriter();
  }

  /** Bulk copies each batch into the table (or the staging table) inside the transaction. */
  private final class BulkWriter implements SplitWriter {
    private long rows;

    @Override
    public void write(RecordBatch batch) {
      if (batch.rowCount() == 0) {
        return;
      }
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
        if (staging == null) {
          bulk.writeToServer(new BatchBulkData(bulkColumns, batch));
        } else {
          // the rows' arrival order, so the MERGE keeps the last row of a key written twice
          bulk.addColumnMapping(SqlServerSql.ORDINAL, SqlServerSql.ORDINAL);
          bulk.writeToServer(BatchBulkData.withOrdinals(bulkColumns, batch, staged));
        }
        rows += batch.rowCount();
        staged += batch.rowCount();
      } catch (SQLException e) {
        throw db.errors().translate(e, "bulk loading rows " + (rows + 1) + " to " + (rows + batch.rowCount()), display());
      }
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
