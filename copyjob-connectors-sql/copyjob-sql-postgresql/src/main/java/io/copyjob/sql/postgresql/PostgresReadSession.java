package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.JdbcReadSession;
import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.sql.jdbc.JdbcSplit;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.WatermarkRange;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One consistent read of a PostgreSQL table. The session's connection holds a REPEATABLE READ transaction whose
 * snapshot it exports ({@code pg_export_snapshot()}); the upper bound, the split boundaries and every split reader
 * (each on its own connection, after {@code SET TRANSACTION SNAPSHOT}; the only split of a one-split plan on the
 * session's connection itself) see exactly the same rows. Readers stream
 * {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}.
 */
final class PostgresReadSession extends JdbcReadSession<PostgresColumn> {
  private static final SqlStatements SQL = new SqlStatements(PostgresDialect.INSTANCE);

  private final PostgresErrors errors;
  private String snapshot;

  PostgresReadSession(PostgresDatabase db, ReadRequest request) {
    super(db.connections(), db.catalog(), request);
    this.errors = db.errors();
  }

  @Override
  protected void beginSnapshot(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
        rs.next();
        snapshot = rs.getString(1);
      }
    }
  }

  @Override
  protected void endSnapshot(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    }
  }

  @Override
  protected String upperBoundQuery(PostgresColumn column, Optional<Watermark> lowerExclusive) {
    return SQL.max(table().qualifiedName(), column.name(), watermarkPredicate(column, lowerExclusive, Optional.empty()));
  }

  @Override
  protected String watermarkPredicate(PostgresColumn column, Optional<Watermark> lower, Optional<Watermark> upper) {
    return WatermarkRange.of(column.name(), lower, upper).predicate(PostgresDialect.INSTANCE);
  }

  @Override
  protected boolean isIntegerKey(PostgresColumn column) {
    int oid = column.type().oid();
    return oid == PgType.INT2 || oid == PgType.INT4 || oid == PgType.INT8;
  }

  /** The COPY statement of one split. */
  String copySql(JdbcSplit split) {
    StringJoiner select = new StringJoiner(", ");
    Schema wanted = request().columns();
    List<PostgresColumn> columns = columns();
    for (int i = 0; i < columns.size(); i++) {
      PostgresColumn c = columns.get(i);
      String q = PostgresDialect.INSTANCE.quoteIdentifier(c.name());
      select.add(FieldDecoder.readsAsText(c.type(), wanted.field(i).type()) ? q + "::text" : q);
    }
    return "COPY (SELECT " + select + " FROM " + table().qualifiedName()
        + io.copyjob.sql.jdbc.Sql.where(condition(split)) + ") TO STDOUT (FORMAT binary)";
  }

  @Override
  protected SplitReader openSplitReader(JdbcSplit split) {
    Schema wanted = request().columns();
    List<PostgresColumn> columns = columns();
    String display = table().displayName();
    FieldDecoder[] decoders = new FieldDecoder[columns.size()];
    for (int i = 0; i < decoders.length; i++) {
      PostgresColumn c = columns.get(i);
      LogicalType type = wanted.field(i).type();
      try {
        decoders[i] = FieldDecoder.forColumn(c.name(), c.type(), type, FieldDecoder.readsAsText(c.type(), type));
      } catch (CopyJobException e) {
        throw e.toBuilder().tableIfAbsent(display).build();
      }
    }
    int[] keys = request().rowKeyColumns().stream().mapToInt(wanted::indexOf).toArray();
    String sql = copySql(split);
    BinaryCopyReader.ReadContext context = new BinaryCopyReader.ReadContext(display, split.describe(), keys, errors);
    Optional<Connection> session = connectionForTheOnlySplit();
    if (session.isPresent()) {
      return new BinaryCopyReader(session.get(), false, sql, wanted, decoders, request().batchRows(), context);
    }
    Connection c = connections().open();
    try (Statement st = c.createStatement()) {
      st.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      st.execute("SET TRANSACTION SNAPSHOT " + PostgresDialect.stringLiteral(snapshot));
    } catch (SQLException e) {
      JdbcResources.closeQuietly(c);
      throw errors.translate(e, "joining the read snapshot", display);
    }
    return new BinaryCopyReader(c, true, sql, wanted, decoders, request().batchRows(), context);
  }
}
