package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write of one table in ONE PostgreSQL transaction on one connection: table creation (DDL is transactional
 * in PostgreSQL, so a failed run leaves no table behind), TRUNCATE for overwrite, the rows, and the upsert merge.
 * Nothing is visible to others before {@link #commit(List)}; {@link #abort()} rolls all of it back.
 *
 * <p>Overwrite uses TRUNCATE, which takes an ACCESS EXCLUSIVE lock: concurrent readers wait until the commit
 * and then see the new rows; they never see an empty or partial table.
 */
final class PostgresWriteTransaction implements io.copyjob.spi.WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWriteTransaction.class);
  private static final SqlStatements SQL = new SqlStatements(PostgresDialect.INSTANCE);

  private final PgConnections connections;
  private final WriteRequest request;
  private final Connection connection;
  private final String display;
  private PostgresTable table;
  private String writeTarget;
  private List<String> upsertKeys = List.of();
  private List<PgType> destTypes;
  private boolean finished;
  /** Writers opened so far: an abort must end their COPY before the connection can roll back. */
  private final List<SplitWriter> writers = new ArrayList<>();

  PostgresWriteTransaction(PgConnections connections, PostgresCatalog catalog, WriteRequest request) {
    this.connections = connections;
    this.request = request;
    this.display = request.target().namespace().isPresent() ? request.target().toString()
        : io.copyjob.spi.DatasetId.of(catalog.defaultSchema(), request.target().name()).toString();
    this.connection = connections.open();
    try {
      connection.setAutoCommit(false);
      execute("SET LOCAL TIME ZONE 'UTC'"); // text values without offset mean UTC, as in the binary path
      prepare(catalog);
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "preparing the write", display);
    } catch (RuntimeException e) {
      abort();
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private void prepare(PostgresCatalog catalog) throws SQLException {
    Optional<PostgresTable> existing = catalog.describe(connection, request.target());
    WriteStrategy strategy = request.strategy();
    if (existing.isEmpty()) {
      if (request.creation() == TableCreation.MUST_EXIST) {
        throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "the destination table does not exist in PostgreSQL at "
            + connections.options().location()).table(display).build();
      }
      List<String> unique = strategy.kind() == WriteStrategy.Kind.UPSERT ? strategy.keys() : List.of();
      List<String> pk = request.primaryKey().isEmpty() && !unique.isEmpty() ? unique : request.primaryKey();
      String qualified = PostgresDialect.INSTANCE.qualifiedName(request.target(), catalog.defaultSchema());
      execute(SQL.createTable(qualified, request.schema(), pk, unique));
      LOG.info("created table {} in the write transaction", display);
      existing = catalog.describe(connection, request.target());
    }
    table = existing.orElseThrow();
    destTypes = new ArrayList<>();
    for (Field f : request.schema().fields()) {
      PostgresColumn c = table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH,
          "the destination table " + display + " has no column " + f.name()).table(display).column(f.name()).build());
      destTypes.add(c.type());
      warnIfTruncated(f, c);
    }
    writeTarget = table.qualifiedName();
    switch (strategy.kind()) {
      case OVERWRITE:
        execute("TRUNCATE TABLE " + table.qualifiedName());
        break;
      case UPSERT:
        prepareUpsert(strategy);
        break;
      default:
        break;
    }
  }

  private void prepareUpsert(WriteStrategy strategy) throws SQLException {
    List<String> keys = strategy.keys().isEmpty() ? table.primaryKey() : strategy.keys();
    if (keys.isEmpty()) {
      throw CopyJobException.builder(ErrorCode.NO_UPSERT_KEYS, "the destination table " + display
          + " has no primary key; give upsert keys").table(display).build();
    }
    for (String k : keys) {
      if (table.column(k).isEmpty()) {
        throw CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND, "upsert key " + k + " is not a column of "
            + display).table(display).column(k).build();
      }
      if (request.schema().indexOf(k) < 0) {
        throw CopyJobException.builder(ErrorCode.INVALID_JOB, "upsert key " + k + " is not among the columns written to "
            + display).table(display).column(k).build();
      }
    }
    if (!table.hasUniqueKeyOn(keys)) {
      throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the destination table " + display
          + " has no primary key, unique constraint or unique index on exactly " + keys
          + "; an upsert (INSERT ... ON CONFLICT) needs one").table(display).build();
    }
    upsertKeys = keys;
    String staging = PostgresDialect.INSTANCE.quoteIdentifier(stagingName(request.runId()));
    execute(UpsertSql.createStaging(staging, table.qualifiedName(), request.schema().names()));
    execute(UpsertSql.addArrival(staging));
    writeTarget = "pg_temp." + staging;
  }

  /** A temp-table name from the run id: letters, digits and underscores, within PostgreSQL's 63 bytes. */
  static String stagingName(String runId) {
    String clean = runId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String name = "copyjob_stage_" + clean;
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  private void warnIfTruncated(Field f, PostgresColumn c) {
    TypeId id = f.type().id();
    if ((id == TypeId.TIME || f.type().isTimestamp()) && f.type().precision() > PostgresTypeMapping.MAX_TIME_PRECISION) {
      LOG.warn("column {} of {} is {} but PostgreSQL keeps microseconds: digits below the microsecond are truncated",
          f.name(), display, f.type());
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public int maxWriters() {
    return 1;
  }

  /** Writers run one after the other on the transaction's connection. */
  @Override
  public SplitWriter openWriter(int index) {
    Schema schema = request.schema();
    List<String> rowKey = request.primaryKey().isEmpty() ? upsertKeys : request.primaryKey();
    WriteContext context = WriteContext.of(display, schema, rowKey, connections.errors());
    SplitWriter writer = connections.options().writeMethod() == WriteMethod.INSERT
        ? new InsertWriter(connection, writeTarget, schema, destTypes, connections.options().insertBatchSize(), context)
        : new CopyWriter(connection, CopyPlan.of(writeTarget, schema, destTypes), context);
    writers.add(writer);
    return writer;
  }

  @Override
  public long commit(List<Fragment> fragments) {
    if (finished) {
      throw CopyJobException.builder(ErrorCode.INTERNAL_ERROR, "the write was already committed or aborted")
          .table(display).build();
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
      PgConnections.closeQuietly(connection);
      return rows;
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "committing", display);
    }
  }

  /**
   * Applies the staged rows; returns rows inserted plus rows updated. One {@code INSERT ... ON CONFLICT DO UPDATE}
   * when the write has every NOT NULL column; else an UPDATE of the existing keys and an INSERT of the new ones,
   * since ON CONFLICT checks NOT NULL on the proposed row before it finds the conflict.
   */
  private long merge() throws SQLException {
    List<String> columns = request.schema().names();
    String target = table.qualifiedName();
    boolean partial = table.columns().stream().anyMatch(c -> c.notNull() && !columns.contains(c.name()));
    try (Statement s = connection.createStatement()) {
      if (!partial) {
        return s.executeUpdate(UpsertSql.merge(target, writeTarget, columns, upsertKeys));
      }
      String update = UpsertSql.updateExisting(target, writeTarget, columns, upsertKeys);
      long updated = update == null ? 0 : s.executeUpdate(update);
      return updated + s.executeUpdate(UpsertSql.insertNew(target, writeTarget, columns, upsertKeys));
    }
  }

  @Override
  public void abort() {
    if (finished) {
      return;
    }
    finished = true;
    for (SplitWriter w : writers) {
      try {
        w.abort(); // idempotent; ends a COPY still in progress, which would block the rollback
      } catch (RuntimeException ignored) {
        // the rollback below discards the writer's rows anyway
      }
    }
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // closing the connection rolls back too
    }
    PgConnections.closeQuietly(connection);
  }

  @Override
  public void close() {
    abort();
  }
}
