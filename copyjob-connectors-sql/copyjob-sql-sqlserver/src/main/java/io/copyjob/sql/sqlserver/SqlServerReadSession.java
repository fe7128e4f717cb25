package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.sql.jdbc.KeyRangePlanner;
import io.copyjob.sql.jdbc.Sql;
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
import java.util.Set;

/**
 * One read of a table. SQL Server cannot share a snapshot between connections, so consistency comes from the
 * bounds: the upper bound of the incremental column and the key range of each split are captured first, and
 * every split reader (on its own connection, READ COMMITTED) reads only {@code (saved, upper]} within its key
 * range. Rows committed during the run above the upper bound are taken next run; for rowversion the upper bound
 * is capped below {@code MIN_ACTIVE_ROWVERSION()} (see {@link SqlServerSql#upperBound}), so no row of a
 * transaction still open is skipped.
 */
final class SqlServerReadSession implements ReadSession {
  private static final Set<String> INTEGER_KEYS = Set.of("tinyint", "smallint", "int", "bigint");

  private final SqlServerConnections connections;
  private final ReadRequest request;
  private final Connection connection;
  private final SqlServerTable table;
  private final List<SqlServerColumn> columns;
  private final SqlServerColumn watermarkColumn;
  private Optional<Watermark> upperBound;

  SqlServerReadSession(SqlServerConnections connections, SqlServerCatalog catalog, ReadRequest request) {
    this.connections = connections;
    this.request = request;
    String display = request.dataset().id().toString();
    Connection c = connections.open();
    try {
      this.table = catalog.describe(c, request.dataset().id()).orElseThrow(() -> CopyJobException.of(
          ErrorCode.TABLE_NOT_FOUND, "SQL Server at " + connections.options().location() + " has no table or view " + display));
      this.columns = resolveColumns();
      this.watermarkColumn = request.watermarkColumn().map(this::watermarkColumn).orElse(null);
      this.connection = c;
    } catch (SQLException e) {
      JdbcResources.closeQuietly(c);
      throw connections.errors().translate(e, "starting the read", display);
    } catch (RuntimeException e) {
      JdbcResources.closeQuietly(c);
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private List<SqlServerColumn> resolveColumns() {
    List<SqlServerColumn> out = new ArrayList<>();
    for (Field f : request.columns().fields()) {
      out.add(table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
          "no column " + f.name() + " in " + table.displayName()).table(table.displayName()).column(f.name()).build()));
    }
    return out;
  }

  private SqlServerColumn watermarkColumn(String name) {
    SqlServerColumn c = table.column(name).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
        "no incremental column " + name + " in " + table.displayName()).table(table.displayName()).column(name).build());
    if (!Watermark.supports(c.logicalType())) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "a " + c.type().declaration()
          + " column cannot be an incremental column").table(table.displayName()).column(name).build();
    }
    return c;
  }

  @Override
  public Optional<Watermark> upperBound() {
    if (watermarkColumn == null) {
      return Optional.empty();
    }
    if (upperBound == null) {
      String sql = SqlServerSql.upperBound(table.qualifiedName(), watermarkColumn.name(), watermarkColumn.type(),
          request.lowerExclusive());
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        LogicalType type = watermarkColumn.logicalType();
        upperBound = Optional.ofNullable(value(rs, type)).map(v -> Watermark.of(type, v));
      } catch (SQLException e) {
        throw connections.errors().translate(e, "reading the upper bound of " + watermarkColumn.name(), table.displayName());
      }
    }
    return upperBound;
  }

  private static Object value(ResultSet rs, LogicalType type) throws SQLException {
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
    return watermarkColumn == null ? null
        : SqlServerSql.watermarkPredicate(watermarkColumn.name(), watermarkColumn.type(), request.lowerExclusive(), upper);
  }

  @Override
  public List<Split> planSplits(Optional<Watermark> upperInclusive) {
    Watermark upper = upperInclusive.orElse(null);
    Optional<String> key = splitKey();
    if (key.isEmpty()) {
      return List.of(new SqlServerSplit(null, KeyRange.all(), upper));
    }
    String sql = SqlServerSql.minMax(table.qualifiedName(), key.get(), watermarkCondition(upperInclusive));
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long min = rs.getLong(1);
      if (rs.wasNull()) {
        return List.of(new SqlServerSplit(null, KeyRange.all(), upper));
      }
      long max = rs.getLong(2);
      List<Split> splits = new ArrayList<>();
      for (KeyRange r : KeyRangePlanner.plan(min, max, request.desiredSplits())) {
        splits.add(new SqlServerSplit(key.get(), r, upper));
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
    String pk = table.primaryKey().get(0);
    return table.column(pk).filter(c -> INTEGER_KEYS.contains(c.type().name())).map(SqlServerColumn::name);
  }

  /** The SELECT of one split. */
  String selectSql(SqlServerSplit split) {
    List<String> exprs = new ArrayList<>();
    for (SqlServerColumn c : columns) {
      exprs.add(SqlServerTypeMapping.readExpression(SqlServerDialect.INSTANCE.quoteIdentifier(c.name()), c.type()));
    }
    return SqlServerSql.select(table.qualifiedName(), exprs, Sql.and(split.predicate(), watermarkCondition(split.upperBound())));
  }

  @Override
  public SplitReader openReader(Split split) {
    SqlServerSplit s = (SqlServerSplit) split;
    Connection c = connections.open();
    try {
      c.setReadOnly(true);
    } catch (SQLException e) {
      JdbcResources.closeQuietly(c);
      throw connections.errors().translate(e, "opening a reader", table.displayName());
    }
    return new ResultSetReader(c, selectSql(s), request.columns(), request.batchRows(),
        connections.options().fetchSize(), table.displayName(), s.describe(), connections.errors());
  }

  @Override
  public void close() {
    JdbcResources.closeQuietly(connection);
  }
}
