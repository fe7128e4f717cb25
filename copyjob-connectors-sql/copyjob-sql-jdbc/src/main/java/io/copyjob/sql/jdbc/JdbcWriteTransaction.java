package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
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
 * The lifecycle of one write of one table in ONE database transaction on one connection, the same for every SQL
 * database: {@link #start()} opens the connection without autocommit, creates the table when absent (DDL is
 * transactional in PostgreSQL and SQL Server, so a failed run leaves no table behind), checks every written
 * column, prepares an overwrite and resolves upsert keys (then lets the connector create its staging); writers
 * send rows inside the transaction; {@link #commit(List)} applies the staged rows ({@link #complete(long)}),
 * commits and closes; {@link #abort()} aborts the writers still open, rolls back, closes and releases the
 * connector's other resources ({@link #release()}). Nothing is visible to others before the commit, and a failure
 * on any path leaves the destination unchanged.
 *
 * <p>A connector subclasses it, supplies what differs (bulk path, staging, merge statement, type checks) through
 * the hooks, and calls {@link #start()} once right after construction (never from a constructor: the hooks use the
 * subclass's fields).
 *
 * @param <C> the connector's column type
 */
public abstract class JdbcWriteTransaction<C extends JdbcColumn> implements WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcWriteTransaction.class);

  private final JdbcConnections connections;
  private final JdbcCatalog<C> catalog;
  private final WriteRequest request;
  private final String display;
  /** Writers opened so far: an abort ends those still open (a COPY in progress would block the rollback). */
  private final List<TrackedWriter> writers = new ArrayList<>();
  private Connection connection;
  private JdbcTable<C> table;
  private List<String> upsertKeys = List.of();
  private boolean finished;

  protected JdbcWriteTransaction(JdbcConnections connections, JdbcCatalog<C> catalog, WriteRequest request) {
    this.connections = connections;
    this.catalog = catalog;
    this.request = request;
    this.display = catalog.displayName(request.target());
  }

  /**
   * Opens the connection and prepares the destination; on any failure (the connection included) aborts, so
   * everything opened so far is released, and throws a {@link CopyJobException} naming the table.
   */
  public final JdbcWriteTransaction<C> start() {
    try {
      connection = connections.open();
      connection.setAutoCommit(false);
      onConnect(connection);
      prepare();
      return this;
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "preparing the write", display);
    } catch (RuntimeException e) {
      abort();
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private void prepare() throws SQLException {
    Optional<JdbcTable<C>> existing = catalog.describe(connection, request.target());
    if (existing.isEmpty()) {
      if (request.creation() == TableCreation.MUST_EXIST) {
        throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "the destination table does not exist in "
            + connections.dialect().name() + " at " + connections.location()).table(display).build();
      }
      execute(createTableSql());
      LOG.info("created table {} in the write transaction", display);
      existing = catalog.describe(connection, request.target());
    }
    table = existing.orElseThrow();
    for (Field f : request.schema().fields()) {
      C c = table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH,
          "the destination table " + display + " has no column " + f.name()).table(display).column(f.name()).build());
      checkColumn(f, c);
    }
    switch (request.strategy().kind()) {
      case OVERWRITE:
        prepareOverwrite();
        break;
      case UPSERT:
        upsertKeys = UpsertKeys.resolve(request.strategy(), table.primaryKey(), n -> table.column(n).isPresent(),
            request.schema(), display);
        prepareUpsert(upsertKeys);
        break;
      default:
        break;
    }
  }

  /**
   * CREATE TABLE for a destination that does not exist: the request's primary key, or the upsert keys as primary
   * key when it has none (the upsert keys get a unique constraint otherwise).
   */
  public static String createTableSql(Dialect dialect, WriteRequest request, String defaultSchema) {
    WriteStrategy strategy = request.strategy();
    List<String> unique = strategy.kind() == WriteStrategy.Kind.UPSERT ? strategy.keys() : List.of();
    List<String> pk = request.primaryKey().isEmpty() && !unique.isEmpty() ? unique : request.primaryKey();
    return new SqlStatements(dialect).createTable(dialect.qualifiedName(request.target(), defaultSchema),
        request.schema(), pk, unique);
  }

  /** The CREATE TABLE of an absent destination; the default is {@link #createTableSql(Dialect, WriteRequest, String)}. */
  protected String createTableSql() {
    return createTableSql(connections.dialect(), request, catalog.defaultSchema());
  }

  /** Runs on the new connection before anything else, e.g. session settings; the default does nothing. */
  protected void onConnect(Connection c) throws SQLException {
  }

  /** Checks that {@code field} can be written into {@code column} (throws otherwise); the default accepts it. */
  protected void checkColumn(Field field, C column) {
  }

  /** Prepares an overwrite, e.g. empties the table in the transaction. */
  protected abstract void prepareOverwrite() throws SQLException;

  /** Prepares an upsert on the resolved {@code keys}, e.g. checks them and creates the staging table. */
  protected abstract void prepareUpsert(List<String> keys) throws SQLException;

  /** Opens writer {@code index} inside the transaction. */
  protected abstract SplitWriter newWriter(int index);

  /**
   * Applies the written rows before the commit and returns the rows the destination has from this run; the
   * default merges an upsert ({@link #merge()}) and returns {@code rows} otherwise.
   */
  protected long complete(long rows) throws SQLException {
    return request.strategy().kind() == WriteStrategy.Kind.UPSERT ? merge() : rows;
  }

  /** Merges the staged rows of an upsert into the table; returns rows inserted plus rows updated. */
  protected abstract long merge() throws SQLException;

  /** Releases what the connector holds beside the connection, after a commit or an abort; the default has none. */
  protected void release() {
  }

  protected final JdbcConnections connections() { return connections; }

  protected final WriteRequest request() { return request; }

  /** {@code schema.name} of the destination, for messages. */
  protected final String display() { return display; }

  protected final Connection connection() { return connection; }

  /** The destination, as described (or created) when the write started. */
  protected final JdbcTable<C> table() { return table; }

  /** The resolved upsert keys; empty unless the write is an upsert. */
  protected final List<String> upsertKeys() { return upsertKeys; }

  /** Runs one statement in the transaction. */
  protected final void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public final synchronized SplitWriter openWriter(int index) {
    TrackedWriter w = new TrackedWriter(newWriter(index));
    writers.add(w);
    return w;
  }

  @Override
  public final long commit(List<Fragment> fragments) {
    if (finished) {
      throw CopyJobException.builder(ErrorCode.INTERNAL_ERROR, "the write was already committed or aborted")
          .table(display).build();
    }
    long rows = 0;
    for (Fragment f : fragments) {
      rows += f.rows();
    }
    try {
      rows = complete(rows);
      connection.commit();
      finished = true;
    } catch (SQLException e) {
      abort();
      throw connections.errors().translate(e, "committing", display);
    } catch (RuntimeException e) {
      abort();
      throw e;
    }
    JdbcResources.closeQuietly(connection);
    release();
    return rows;
  }

  @Override
  public final void abort() {
    List<TrackedWriter> open;
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
      open = new ArrayList<>(writers);
    }
    for (TrackedWriter w : open) {
      w.abortIfOpen();
    }
    if (connection != null) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // closing the connection rolls back too
      }
      JdbcResources.closeQuietly(connection);
    }
    release();
  }

  @Override
  public final void close() {
    abort();
  }

  /** A writer that knows whether it finished or was aborted, so an abort of the transaction ends only open ones. */
  private static final class TrackedWriter implements SplitWriter {
    private final SplitWriter writer;
    private volatile boolean ended;

    TrackedWriter(SplitWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(io.copyjob.data.RecordBatch batch) {
      writer.write(batch);
    }

    @Override
    public Fragment finish() {
      Fragment f = writer.finish();
      ended = true; // a finish that failed leaves the writer open: the abort below ends it
      return f;
    }

    @Override
    public void abort() {
      ended = true;
      writer.abort();
    }

    void abortIfOpen() {
      if (!ended) {
        ended = true;
        try {
          writer.abort();
        } catch (RuntimeException ignored) {
          // the rollback discards the writer's rows anyway
        }
      }
    }
  }
}
