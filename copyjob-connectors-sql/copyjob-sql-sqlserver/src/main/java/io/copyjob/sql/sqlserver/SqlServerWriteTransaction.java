package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopy;
import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.UpsertKeys;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write of one table in ONE SQL Server transaction on one connection: CREATE TABLE when absent (DDL is
 * transactional), {@code DELETE} for overwrite, bulk copy ({@code SQLServerBulkCopy} joined to the transaction,
 * no internal transaction), and for upsert a {@code #temp} staging table loaded by bulk copy and merged with
 * {@code MERGE} at commit. Nothing is visible to other sessions before {@link #commit(List)}; {@link #abort()}
 * rolls all of it back (a failure leaves the destination unchanged).
 *
 * <p>An IDENTITY column among the written columns keeps the written values (bulk copy's KeepIdentity, and
 * {@code SET IDENTITY_INSERT ... ON/OFF} around the MERGE) unless {@code identityInsert=false}, which fails.
 */
final class SqlServerWriteTransaction implements WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(SqlServerWriteTransaction.class);
  private static final SqlStatements SQL = new SqlStatements(SqlServerDialect.INSTANCE);

  private final SqlServerConnections connections;
  private final WriteRequest request;
  private final Connection connection;
  private final String display;
  private SqlServerTable table;
  private String writeTarget;
  private String staging;
  private List<String> upsertKeys = List.of();
  private List<BulkColumn> bulkColumns;
  private boolean writesIdentity;
  private boolean finished;

  SqlServerWriteTransaction(SqlServerConnections connections, SqlServerCatalog catalog, WriteRequest request) {
    this.connections = connections;
    this.request = request;
    this.display = request.target().namespace().isPresent() ? request.target().toString()
        : DatasetId.of(catalog.defaultSchema(), request.target().name()).toString();
    this.connection = connections.open();
    try {
      connection.setAutoCommit(false);
      prepare(catalog);
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "preparing the write", display);
    } catch (RuntimeException e) {
      abort();
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private void prepare(SqlServerCatalog catalog) throws SQLException {
    Optional<SqlServerTable> existing = catalog.describe(connection, request.target());
    WriteStrategy strategy = request.strategy();
    if (existing.isEmpty()) {
      if (request.creation() == TableCreation.MUST_EXIST) {
        throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "the destination table does not exist in SQL Server at "
            + connections.options().location()).table(display).build();
      }
      execute(createTableSql(request, catalog.defaultSchema()));
      LOG.info("created table {} in the write transaction", display);
      existing = catalog.describe(connection, request.target());
    }
    table = existing.orElseThrow();
    bulkColumns = new ArrayList<>();
    for (Field f : request.schema().fields()) {
      SqlServerColumn c = table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH,
          "the destination table " + display + " has no column " + f.name()).table(display).column(f.name()).build());
      if (!c.writable()) {
        throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "column " + f.name() + " of " + display
            + " is computed or a rowversion and cannot be written; deselect it").table(display).column(f.name()).build();
      }
      if (c.identity()) {
        if (!connections.options().identityInsert()) {
          throw CopyJobException.builder(ErrorCode.INVALID_JOB, "column " + f.name() + " of " + display
              + " is an IDENTITY column and identityInsert is false; deselect it or set identityInsert=true")
              .table(display).column(f.name()).build();
        }
        writesIdentity = true;
      }
      bulkColumns.add(BulkColumn.of(f.name(), f.type(), c.type()));
    }
    writeTarget = table.qualifiedName();
    switch (strategy.kind()) {
      case OVERWRITE:
        execute(SqlServerSql.deleteAll(table.qualifiedName(), connections.options().tableLock()));
        break;
      case UPSERT:
        prepareUpsert(strategy);
        break;
      default:
        break;
    }
  }

  /** CREATE TABLE from the request: its primary key, or the upsert keys as primary key when it has none. */
  static String createTableSql(WriteRequest request, String defaultSchema) {
    WriteStrategy strategy = request.strategy();
    List<String> unique = strategy.kind() == WriteStrategy.Kind.UPSERT ? strategy.keys() : List.of();
    List<String> pk = request.primaryKey().isEmpty() && !unique.isEmpty() ? unique : request.primaryKey();
    String qualified = SqlServerDialect.INSTANCE.qualifiedName(request.target(), defaultSchema);
    return SQL.createTable(qualified, request.schema(), pk, unique);
  }

  private void prepareUpsert(WriteStrategy strategy) throws SQLException {
    upsertKeys = upsertKeys(strategy, table, request, display);
    staging = SqlServerDialect.INSTANCE.quoteIdentifier(SqlServerSql.tempTableName(request.runId()));
    List<String> names = request.schema().names();
    List<String> declarations = new ArrayList<>();
    for (String n : names) {
      declarations.add(table.column(n).orElseThrow().type().declaration());
    }
    execute(SqlServerSql.createStaging(staging, names, declarations));
    writeTarget = staging;
  }

  /** The upsert keys: the given ones, else the primary key; each must be a written column. */
  static List<String> upsertKeys(WriteStrategy strategy, SqlServerTable table, WriteRequest request, String display) {
    return UpsertKeys.resolve(strategy, table.primaryKey(), c -> table.column(c).isPresent(), request.schema(), display);
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public SplitWriter openWriter(int index) {
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
      try (SQLServerBulkCopy bulk = new SQLServerBulkCopy(connection)) {
        SQLServerBulkCopyOptions o = new SQLServerBulkCopyOptions();
        o.setUseInternalTransaction(false); // part of the write transaction
        o.setKeepNulls(true); // NULL stays NULL instead of taking the column default
        o.setCheckConstraints(true); // a CHECK or FOREIGN KEY violation fails the load as an INSERT would (off by default)
        o.setKeepIdentity(writesIdentity);
        o.setTableLock(connections.options().tableLock());
        o.setBatchSize(connections.options().batchSize());
        o.setBulkCopyTimeout(0);
        bulk.setBulkCopyOptions(o);
        bulk.setDestinationTableName(writeTarget);
        for (BulkColumn c : bulkColumns) {
          bulk.addColumnMapping(c.name(), c.name());
        }
        bulk.writeToServer(new BatchBulkData(bulkColumns, batch));
        rows += batch.rowCount();
      } catch (SQLException e) {
        throw connections.errors().translate(e, "bulk loading rows " + (rows + 1) + " to " + (rows + batch.rowCount()), display);
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
  public long commit(List<Fragment> fragments) {
    if (finished) {
      throw CopyJobException.builder(ErrorCode.INTERNAL_ERROR, "the write was already committed or aborted").table(display).build();
    }
    try {
      long rows = 0;
      for (Fragment f : fragments) {
        rows += f.rows();
      }
      if (request.strategy().kind() == WriteStrategy.Kind.UPSERT) {
        rows = merge();
      }
      connection.commit();
      finished = true;
      JdbcResources.closeQuietly(connection);
      return rows;
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "committing", display);
    }
  }

  private long merge() throws SQLException {
    try (Statement s = connection.createStatement()) {
      if (writesIdentity) {
        s.execute(SqlServerSql.identityInsert(table.qualifiedName(), true));
      }
      List<String> identity = table.identityColumn().map(c -> List.of(c.name())).orElse(List.of());
      long n = s.executeUpdate(SqlServerSql.merge(table.qualifiedName(), staging, request.schema().names(), upsertKeys,
          identity));
      if (writesIdentity) {
        s.execute(SqlServerSql.identityInsert(table.qualifiedName(), false));
      }
      s.execute(SqlServerSql.dropTable(staging));
      return n;
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // closing the connection rolls back too
    }
    JdbcResources.closeQuietly(connection); // a #temp table ends with the session
  }

  @Override
  public void close() {
    abort();
  }
}
