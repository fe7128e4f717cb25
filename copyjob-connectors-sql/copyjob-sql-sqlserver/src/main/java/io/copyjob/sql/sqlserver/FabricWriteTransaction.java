package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcWriteTransaction;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Fabric Warehouse write (the lifecycle is {@link JdbcWriteTransaction}'s): writers stage snappy Parquet files in
 * {@code fabric.stagingLocation} (through the files connector's {@link FileStores}, so copyjob-storage-azure must be
 * on the class path for abfss:// and https://); the commit runs, in the one transaction, DELETE (overwrite) and
 * COPY INTO the table, or COPY INTO a staging table and MERGE (upsert). The staged files are deleted and the
 * staging store closed after the commit and on every failure, that of the first connection included. Nothing is
 * visible before the commit.
 */
final class FabricWriteTransaction extends JdbcWriteTransaction<SqlServerColumn> {
  private static final Logger LOG = LoggerFactory.getLogger(FabricWriteTransaction.class);

  private final SqlServerOptions options;
  private final FabricStaging staging;
  private final String stagingLocation;

  FabricWriteTransaction(SqlServerDatabase db, WriteRequest request) {
    this(db, request, FileStores.open(db.options().stagingLocation().orElseThrow(), db.options().azureOptions()));
  }

  /** A write staging through {@code store}, which it closes when it ends, on every path. */
  FabricWriteTransaction(SqlServerDatabase db, WriteRequest request, FileStore store) {
    super(db.connections(), db.catalog(), request);
    this.options = db.options();
    this.stagingLocation = options.stagingLocation().orElseThrow();
    this.staging = new FabricStaging(store, stagingKey(request), request.schema(), options.redactor(), display());
  }

  /** Fabric only accepts NOT ENFORCED keys: the table is created without any, with Fabric's column types. */
  @Override
  protected String createTableSql() {
    return FabricSql.createTable(SqlServerDialect.INSTANCE.qualifiedName(request().target(), options.schema()),
        request().schema());
  }

  /** The DELETE runs at commit, right before the COPY INTO, in the same transaction. */
  @Override
  protected void prepareOverwrite() {
  }

  /** The staging table is created at commit, when there are staged rows to load into it. */
  @Override
  protected void prepareUpsert(List<String> keys) {
  }

  /** Parquet files can be written in parallel. */
  @Override
  public int maxWriters() {
    return 4;
  }

  @Override
  protected SplitWriter newWriter(int index) {
    return staging.openWriter(index);
  }

  @Override
  protected long complete(long rows) throws SQLException {
    if (request().strategy().kind() == WriteStrategy.Kind.OVERWRITE) {
      execute(SqlServerSql.deleteAll(table().qualifiedName(), false));
    }
    if (rows == 0) {
      return 0;
    }
    if (request().strategy().kind() == WriteStrategy.Kind.UPSERT) {
      return merge();
    }
    execute(copyIntoSql(table().qualifiedName()));
    return rows;
  }

  /** COPY INTO a staging table, then MERGE it into the destination. */
  @Override
  protected long merge() throws SQLException {
    List<String> columns = request().schema().names();
    String stagingTable = FabricSql.stagingTable(table().schema(), stagingKey(request()));
    List<String> declarations = new ArrayList<>();
    for (String c : columns) {
      declarations.add(table().column(c).orElseThrow().type().declaration());
    }
    try (Statement s = connection().createStatement()) {
      s.execute(FabricSql.createStaging(stagingTable, columns, declarations));
      s.execute(copyIntoSql(stagingTable));
      long rows = s.executeUpdate(SqlServerSql.merge(table().qualifiedName(), stagingTable, columns, upsertKeys(),
          SqlServerColumn.identityOf(table())));
      s.execute(SqlServerSql.dropTable(stagingTable));
      return rows;
    }
  }

  /** The COPY INTO statement of this run into {@code qualifiedTable}; logged with its secret masked. */
  String copyIntoSql(String qualifiedTable) {
    List<String> columns = request().schema().names();
    String key = stagingKey(request());
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}", options.redactor().scrub(FabricSql.redactedCopyInto(qualifiedTable, columns, stagingLocation, key,
          options.azureOptions())));
    }
    return FabricSql.copyInto(qualifiedTable, columns, stagingLocation, key, options.azureOptions());
  }

  /** Deletes the staged files and closes the staging store. */
  @Override
  protected void release() {
    staging.close();
  }

  private static String stagingKey(WriteRequest request) {
    return FabricSql.stagingKey(request.runId(), request.target().toString());
  }
}
