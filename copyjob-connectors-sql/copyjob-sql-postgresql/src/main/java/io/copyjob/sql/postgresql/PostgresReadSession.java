package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.sql.jdbc.KeyRangePlanner;
import io.copyjob.sql.jdbc.Sql;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.WatermarkRange;
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
import java.util.StringJoiner;

/**
 * One consistent read of a table. The session's connection holds a REPEATABLE READ transaction whose snapshot
 * it exports ({@code pg_export_snapshot()}); the upper bound, the split boundaries and every split reader (each
 * on its own connection, after {@code SET TRANSACTION SNAPSHOT}) see exactly the same rows.
 */
final class PostgresReadSession implements ReadSession {
  private static final SqlStatements SQL = new SqlStatements(PostgresDialect.INSTANCE);

  private final PgConnections connections;
  private final ReadRequest request;
  private final Connection connection;
  private final String snapshot;
  private final PostgresTable table;
  private final List<PostgresColumn> columns;
  private final LogicalType watermarkType;
  private Optional<Watermark> upperBound;

  PostgresReadSession(PgConnections connections, PostgresCatalog catalog, ReadRequest request) {
    this.connections = connections;
    this.request = request;
    String display = request.dataset().id().toString();
    Connection c = connections.open();
    try {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          this.snapshot = rs.getString(1);
        }
      }
      this.table = catalog.describe(c, request.dataset().id()).orElseThrow(() -> CopyJobException.of(
          ErrorCode.TABLE_NOT_FOUND, "PostgreSQL at " + connections.options().location() + " has no table or view "
              + display));
      this.columns = resolveColumns();
      this.watermarkType = request.watermarkColumn().map(this::watermarkType).orElse(null);
      this.connection = c;
    } catch (SQLException e) {
      PgConnections.closeQuietly(c);
      throw connections.errors().translate(e, "starting the read", display);
    } catch (RuntimeException e) {
      PgConnections.closeQuietly(c);
      throw e instanceof CopyJobException cj ? cj.toBuilder().tableIfAbsent(display).build() : e;
    }
  }

  private List<PostgresColumn> resolveColumns() {
    List<PostgresColumn> out = new ArrayList<>();
    for (Field f : request.columns().fields()) {
      out.add(table.column(f.name()).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
          "no column " + f.name() + " in " + table.displayName()).table(table.displayName()).column(f.name()).build()));
    }
    return out;
  }

  private LogicalType watermarkType(String column) {
    PostgresColumn c = table.column(column).orElseThrow(() -> CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND,
        "no incremental column " + column + " in " + table.displayName()).table(table.displayName()).column(column).build());
    LogicalType t = c.field().type();
    if (!Watermark.supports(t)) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "a " + c.type().sqlName()
          + " column cannot be an incremental column").table(table.displayName()).column(column).build();
    }
    return t;
  }

  @Override
  public Optional<Watermark> upperBound() {
    if (watermarkType == null) {
      return Optional.empty();
    }
    if (upperBound == null) {
      String column = request.watermarkColumn().get();
      String condition = WatermarkRange.of(column, request.lowerExclusive(), Optional.empty())
          .predicate(PostgresDialect.INSTANCE);
      try (Statement s = connection.createStatement();
           ResultSet rs = s.executeQuery(SQL.max(table.qualifiedName(), column, condition))) {
        rs.next();
        upperBound = Optional.ofNullable(watermarkValue(rs)).map(v -> Watermark.of(watermarkType, v));
      } catch (SQLException e) {
        throw connections.errors().translate(e, "reading the upper bound of " + column, table.displayName());
      }
    }
    return upperBound;
  }

  private Object watermarkValue(ResultSet rs) throws SQLException {
    switch (watermarkType.id()) {
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

  @Override
  public List<Split> planSplits(Optional<Watermark> upperInclusive) {
    Optional<String> key = splitKey();
    if (key.isEmpty()) {
      return List.of(new PgSplit(null, KeyRange.all(), upperInclusive.orElse(null)));
    }
    String condition = watermarkCondition(upperInclusive);
    try (Statement s = connection.createStatement();
         ResultSet rs = s.executeQuery(SQL.minMax(table.qualifiedName(), key.get(), condition))) {
      rs.next();
      long min = rs.getLong(1);
      if (rs.wasNull()) {
        return List.of(new PgSplit(null, KeyRange.all(), upperInclusive.orElse(null)));
      }
      long max = rs.getLong(2);
      List<Split> splits = new ArrayList<>();
      for (KeyRange r : KeyRangePlanner.plan(min, max, request.desiredSplits())) {
        splits.add(new PgSplit(key.get(), r, upperInclusive.orElse(null)));
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
    int oid = table.column(pk).map(c -> c.type().oid()).orElse(0);
    return oid == PgType.INT2 || oid == PgType.INT4 || oid == PgType.INT8 ? Optional.of(pk) : Optional.empty();
  }

  private String watermarkCondition(Optional<Watermark> upperInclusive) {
    return request.watermarkColumn()
        .map(c -> WatermarkRange.of(c, request.lowerExclusive(), upperInclusive).predicate(PostgresDialect.INSTANCE))
        .orElse(null);
  }

  /** The COPY statement of one split. */
  String copySql(PgSplit split) {
    StringJoiner select = new StringJoiner(", ");
    Schema wanted = request.columns();
    for (int i = 0; i < columns.size(); i++) {
      PostgresColumn c = columns.get(i);
      String q = PostgresDialect.INSTANCE.quoteIdentifier(c.name());
      select.add(FieldDecoder.readsAsText(c.type(), wanted.field(i).type()) ? q + "::text" : q);
    }
    String where = Sql.and(split.predicate(), watermarkCondition(split.upper()));
    return "COPY (SELECT " + select + " FROM " + table.qualifiedName() + Sql.where(where) + ") TO STDOUT (FORMAT binary)";
  }

  @Override
  public SplitReader openReader(Split split) {
    PgSplit s = (PgSplit) split;
    Schema wanted = request.columns();
    FieldDecoder[] decoders = new FieldDecoder[columns.size()];
    for (int i = 0; i < decoders.length; i++) {
      PostgresColumn c = columns.get(i);
      LogicalType type = wanted.field(i).type();
      try {
        decoders[i] = FieldDecoder.forColumn(c.name(), c.type(), type, FieldDecoder.readsAsText(c.type(), type));
      } catch (CopyJobException e) {
        throw e.toBuilder().tableIfAbsent(table.displayName()).build();
      }
    }
    int[] keys = request.rowKeyColumns().stream().mapToInt(wanted::indexOf).toArray();
    String sql = copySql(s);
    Connection c = connections.open();
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      st.execute("SET TRANSACTION SNAPSHOT " + PostgresDialect.stringLiteral(snapshot));
    } catch (SQLException e) {
      PgConnections.closeQuietly(c);
      throw connections.errors().translate(e, "joining the read snapshot", table.displayName());
    }
    return new BinaryCopyReader(c, sql, wanted, decoders, request.batchRows(),
        new BinaryCopyReader.ReadContext(table.displayName(), s.describe(), keys, connections.errors()));
  }

  @Override
  public void close() {
    try (Statement s = connection.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // the snapshot ends with the connection anyway
    }
    PgConnections.closeQuietly(connection);
  }
}
