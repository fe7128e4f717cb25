package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Fabric Warehouse write: writers stage snappy Parquet files in {@code fabric.stagingLocation} (through the files
 * connector's {@link FileStores}, so copyjob-storage-azure must be on the class path for abfss:// and https://);
 * the commit runs, in one transaction, DELETE (overwrite) and COPY INTO the table, or COPY INTO a staging table
 * and MERGE (upsert); the staged files are deleted after the commit and on abort. Nothing is visible before
 * the commit.
 */
final class FabricWriteTransaction implements WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(FabricWriteTransaction.class);

  private final SqlServerConnections connections;
  private final WriteRequest request;
  private final Connection connection;
  private final String display;
  private final FabricStaging staging;
  private final String stagingLocation;
  private SqlServerTable table;
  private List<String> upsertKeys = List.of();
  private boolean finished;

  FabricWriteTransaction(SqlServerConnections connections, SqlServerCatalog catalog, WriteRequest request) {
    this.connections = connections;
    this.request = request;
    this.display = request.target().namespace().isPresent() ? request.target().toString()
        : DatasetId.of(catalog.defaultSchema(), request.target().name()).toString();
    this.stagingLocation = connections.options().stagingLocation().orElseThrow();
    FileStore store = FileStores.open(stagingLocation, connections.options().azureOptions());
    this.staging = new FabricStaging(store, stagingKey(request), request.schema(), connections.errors().redactor(), display);
    this.connection = connections.open();
    try {
      connection.setAutoCommit(false);
      Optional<SqlServerTable> existing = catalog.describe(connection, request.target());
      if (existing.isEmpty()) {
        if (request.creation() == TableCreation.MUST_EXIST) {
          throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "the destination table does not exist in Fabric Warehouse at "
              + connections.options().location()).table(display).build();
        }
        execute(FabricSql.createTable(SqlServerDialect.INSTANCE.qualifiedName(request.target(), catalog.defaultSchema()),
            request.schema()));
        existing = catalog.describe(connection, request.target());
      }
      table = existing.orElseThrow();
      for (Field f : request.schema().fields()) {
        if (table.column(f.name()).isEmpty()) {
          throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the destination table " + display + " has no column "
              + f.name()).table(display).column(f.name()).build();
        }
      }
      if (request.strategy().kind() == WriteStrategy.Kind.UPSERT) {
        upsertKeys = SqlServerWriteTransaction.upsertKeys(request.strategy(), table, request, display);
      }
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "preparing the write", display);
    } catch (RuntimeException e) {
      abort();
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Parquet files can be written in parallel. */
  @Override
  public int maxWriters() {
    return 4;
  }

  @Override
  public SplitWriter openWriter(int index) {
    return staging.openWriter(index);
  }

  @Override
  public long commit(List<Fragment> fragments) {
    if (finished) {
      throw CopyJobException.builder(ErrorCode.INTERNAL_ERROR, "the write was already committed or aborted").table(display).build();
    }
    long rows = 0;
    for (Fragment f : fragments) {
      rows += f.rows();
    }
    List<String> columns = request.schema().names();
    try (Statement s = connection.createStatement()) {
      if (request.strategy().kind() == WriteStrategy.Kind.OVERWRITE) {
        s.execute(SqlServerSql.deleteAll(table.qualifiedName(), false));
      }
      if (rows > 0) {
        if (request.strategy().kind() == WriteStrategy.Kind.UPSERT) {
          String staging = FabricSql.stagingTable(table.schema(), stagingKey(request));
          List<String> declarations = new ArrayList<>();
          for (String c : columns) {
            declarations.add(table.column(c).orElseThrow().type().declaration());
          }
          s.execute(FabricSql.createStaging(staging, columns, declarations));
          s.execute(copyIntoSql(staging));
          rows = s.executeUpdate(SqlServerSql.merge(table.qualifiedName(), staging, columns, upsertKeys,
              table.identityColumn().map(c -> List.of(c.name())).orElse(List.of())));
          s.execute(SqlServerSql.dropTable(staging));
        } else {
          s.execute(copyIntoSql(table.qualifiedName()));
        }
      }
      connection.commit();
      finished = true;
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "loading the staged files", display);
    }
    JdbcResources.closeQuietly(connection);
    removeStaged();
    return rows;
  }

  /** The COPY INTO statement of this run into {@code qualifiedTable}; quoted in logs without its credential. */
  String copyIntoSql(String qualifiedTable) {
    String sql = FabricSql.copyInto(qualifiedTable, request.schema().names(), stagingLocation, stagingKey(request),
        connections.options().azureOptions());
    LOG.debug("{}", connections.errors().redactor().scrub(sql));
    return sql;
  }

  private void removeStaged() {
    staging.close();
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // closing rolls back too
      }
      JdbcResources.closeQuietly(connection);
    }
    removeStaged();
  }

  @Override
  public void close() {
    abort();
  }

  private static String stagingKey(WriteRequest request) {
    return FabricSql.stagingKey(request.runId(), request.target().toString());
  }
}
