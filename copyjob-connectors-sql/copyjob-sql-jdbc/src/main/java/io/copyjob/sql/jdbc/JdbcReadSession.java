package io.copyjob.sql.jdbc;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lifecycle of one read of one table, the same for every SQL database: {@link #start()} opens the session's
 * connection, lets the database fix what the read sees ({@link #beginSnapshot}: an exported snapshot in
 * PostgreSQL; nothing in SQL Server, whose consistency comes from the bounds), describes the table and checks the
 * requested and incremental columns; {@link #upperBound()} captures the incremental upper bound;
 * {@link #planSplits} cuts a single integer primary key into ranges with {@link KeyRangePlanner}; readers are
 * opened by the connector ({@link #openSplitReader(JdbcSplit)}) with the condition of {@link #condition(JdbcSplit)}.
 *
 * <p>A connector subclasses it, supplies the database's SQL through the hooks, and calls {@link #start()} once
 * right after construction (never from a constructor: the hooks may use the subclass's fields).
 *
 * @param <C> the connector's column type
 */
public abstract class JdbcReadSession<C extends JdbcColumn> implements ReadSession {
  private final JdbcConnections connections;
  private final JdbcCatalog<C> catalog;
  private final ReadRequest request;
  private Connection connection;
  private JdbcTable<C> table;
  private List<C> columns;
  private C watermarkColumn;
  private Optional<Watermark> upperBound;
  /** Whether the last plan had one split, and whether its reader was given the session's connection. */
  private boolean onlySplit;
  private boolean lent;

  protected JdbcReadSession(JdbcConnections connections, JdbcCatalog<C> catalog, ReadRequest request) {
    this.connections = connections;
    this.catalog = catalog;
    this.request = request;
  }

  /** Opens the session; on failure releases what it opened and throws a {@link CopyJobException} naming the table. */
  public final JdbcReadSession<C> start() {
    String display = request.dataset().id().toString();
    Connection c = connections.open();
    try {
      beginSnapshot(c);
      this.table = catalog.describe(c, request.dataset().id()).orElseThrow(() -> CopyJobException.of(
          ErrorCode.TABLE_NOT_FOUND, dialect().name() + " at " + connections.location() + " has no table or view " + display));
      this.columns = resolveColumns();
      this.watermarkColumn = request.watermarkColumn().map(this::watermarkColumn).orElse(null);
      this.connection = c;
      return this;
    } catch (SQLException e) {
      JdbcResources.closeQuietly(c);
      throw connections.errors().translate(e, "starting the read", display);
    } catch (RuntimeException e) {
      JdbcResources.closeQuietly(c);
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  /** Fixes what the session's connection sees, before the table is described; the default does nothing. */
  protected void beginSnapshot(Connection c) throws SQLException {
  }

  /** Ends what {@link #beginSnapshot} began, before the connection closes; the default does nothing. */
  protected void endSnapshot(Connection c) throws SQLException {
  }

  /** The query of the largest value of {@code column} above {@code lowerExclusive} (one row, one column). */
  protected abstract String upperBoundQuery(C column, Optional<Watermark> lowerExclusive);

  /** The condition {@code (lower, upper]} on {@code column}, with bounds as literals; null when neither is set. */
  protected abstract String watermarkPredicate(C column, Optional<Watermark> lower, Optional<Watermark> upper);

  /** True when {@code column}, the single primary-key column, is an integer that key ranges can cut. */
  protected abstract boolean isIntegerKey(C column);

  /** Opens the reader of one split, on its own connection; the rows are those of {@link #condition(JdbcSplit)}. */
  protected abstract SplitReader openSplitReader(JdbcSplit split);

  protected final Dialect dialect() { return catalog.dialect(); }

  protected final JdbcConnections connections() { return connections; }

  protected final ReadRequest request() { return request; }

  protected final JdbcTable<C> table() { return table; }

  /** The requested columns, in the order of the request. */
  protected final List<C> columns() { return columns; }

  private List<C> resolveColumns() {
    List<C> out = new ArrayList<>();
    for (Field f : request.columns().fields()) {
      out.add(table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
          "no column " + f.name() + " in " + table.displayName()).table(table.displayName()).column(f.name()).build()));
    }
    return out;
  }

  private C watermarkColumn(String name) {
    C c = table.column(name).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
        "no incremental column " + name + " in " + table.displayName()).table(table.displayName()).column(name).build());
    if (!Watermark.supports(c.logicalType())) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "a " + c.typeName()
          + " column cannot be an incremental column").table(table.displayName()).column(name).build();
    }
    return c;
  }

  @Override
  public final Optional<Watermark> upperBound() {
    if (watermarkColumn == null) {
      return Optional.empty();
    }
    if (upperBound == null) {
      String sql = upperBoundQuery(watermarkColumn, request.lowerExclusive());
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        LogicalType type = watermarkColumn.logicalType();
        upperBound = Optional.ofNullable(watermarkValue(rs, type)).map(v -> Watermark.of(type, v));
      } catch (SQLException e) {
        throw connections.errors().translate(e, "reading the upper bound of " + watermarkColumn.name(), table.displayName());
      }
    }
    return upperBound;
  }

  /** The first column of {@code rs} in the Java form of a watermark of {@code type}; null for SQL NULL. */
  static Object watermarkValue(ResultSet rs, LogicalType type) throws SQLException {
    switch (type.id()) {
      case INT8: case INT16: case INT32: case INT64: {
        long v = rs.getLong(1);
        return rs.wasNull() ? null : v;
      }
      case DECIMAL: return rs.getBigDecimal(1);
      case DATE: return rs.getObject(1, LocalDate.class);
      case TIMESTAMP: return rs.getObject(1, LocalDateTime.class);
      case TIMESTAMP_TZ: {
        OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
      }
      default: return rs.getString(1);
    }
  }

  private String watermarkCondition(Optional<Watermark> upper) {
    return watermarkColumn == null ? null : watermarkPredicate(watermarkColumn, request.lowerExclusive(), upper);
  }

  /** The rows of {@code split}: its key range and the incremental range; null for every row. */
  protected final String condition(JdbcSplit split) {
    return Sql.and(split.predicate(dialect()), watermarkCondition(split.upper()));
  }

  @Override
  public final List<Split> planSplits(Optional<Watermark> upperInclusive) {
    List<Split> splits = plan(upperInclusive);
    onlySplit = splits.size() == 1;
    return splits;
  }

  private List<Split> plan(Optional<Watermark> upperInclusive) {
    Watermark upper = upperInclusive.orElse(null);
    Optional<String> key = splitKey();
    if (key.isEmpty()) {
      return List.of(JdbcSplit.all(upper));
    }
    String sql = new SqlStatements(dialect()).minMax(table.qualifiedName(), key.get(), watermarkCondition(upperInclusive));
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long min = rs.getLong(1);
      if (rs.wasNull()) {
        return List.of(JdbcSplit.all(upper));
      }
      long max = rs.getLong(2);
      List<Split> splits = new ArrayList<>();
      for (KeyRange r : KeyRangePlanner.plan(min, max, request.desiredSplits())) {
        splits.add(new JdbcSplit(key.get(), r, upper));
      }
      return splits;
    } catch (SQLException e) {
      throw connections.errors().translate(e, "planning splits", table.displayName());
    }
  }

  /** The primary key when it is one integer column and more than one split is wanted. */
  private Optional<String> splitKey() {
    if (request.desiredSplits() <= 1 || table.primaryKey().size() != 1) {
      return Optional.empty();
    }
    return table.column(table.primaryKey().get(0)).filter(this::isIntegerKey).map(C::name);
  }

  /**
   * The session's own connection, for the reader of the only split the session planned, once: its transaction
   * already sees the session's snapshot, and a connection (with its snapshot import) is saved, a good part of a
   * small incremental run. Empty otherwise: each reader opens its own. The reader must neither close the connection
   * nor end its transaction; {@link #close()} does, after the readers are closed.
   */
  protected final synchronized Optional<Connection> connectionForTheOnlySplit() {
    if (!onlySplit || lent || connection == null) {
      return Optional.empty();
    }
    lent = true;
    return Optional.of(connection);
  }

  @Override
  public final SplitReader openReader(Split split) {
    return openSplitReader((JdbcSplit) split);
  }

  @Override
  public final void close() {
    if (connection == null) {
      return; // never started, or start() failed and released it
    }
    try {
      endSnapshot(connection);
    } catch (SQLException ignored) {
      // the snapshot ends with the connection anyway
    }
    JdbcResources.closeQuietly(connection);
  }
}
