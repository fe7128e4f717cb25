package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcReadSession;
import io.copyjob.sql.jdbc.JdbcResources;
import io.copyjob.sql.jdbc.JdbcSplit;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One read of a SQL Server table (the lifecycle is {@link JdbcReadSession}'s). SQL Server cannot share a snapshot
 * between connections, so consistency comes from the bounds: the upper bound of the incremental column and the
 * key range of each split are captured first, and every split reader (on its own connection, READ COMMITTED)
 * reads only {@code (saved, upper]} within its key range. Rows committed during the run above the upper bound are
 * taken next run; for rowversion the upper bound is capped below {@code MIN_ACTIVE_ROWVERSION()} (see
 * {@link SqlServerSql#upperBound}), so no row of a transaction still open is skipped.
 */
final class SqlServerReadSession extends JdbcReadSession<SqlServerColumn> {
  private static final Set<String> INTEGER_KEYS = Set.of("tinyint", "smallint", "int", "bigint");

  private final SqlServerDatabase db;

  SqlServerReadSession(SqlServerDatabase db, ReadRequest request) {
    super(db.connections(), db.catalog(), request);
    this.db = db;
  }

  @Override
  protected String upperBoundQuery(SqlServerColumn column, Optional<Watermark> lowerExclusive) {
    return SqlServerSql.upperBound(table().qualifiedName(), column.name(), column.type(), lowerExclusive);
  }

  @Override
  protected String watermarkPredicate(SqlServerColumn column, Optional<Watermark> lower, Optional<Watermark> upper) {
    return SqlServerSql.watermarkPredicate(column.name(), column.type(), lower, upper);
  }

  @Override
  protected boolean isIntegerKey(SqlServerColumn column) {
    return INTEGER_KEYS.contains(column.type().name());
  }

  /** The SELECT of one split. */
  String selectSql(JdbcSplit split) {
    List<String> exprs = new ArrayList<>();
    for (SqlServerColumn c : columns()) {
      exprs.add(SqlServerTypeMapping.readExpression(SqlServerDialect.INSTANCE.quoteIdentifier(c.name()), c.type()));
    }
    return SqlServerSql.select(table().qualifiedName(), exprs, condition(split));
  }

  @Override
  protected SplitReader openSplitReader(JdbcSplit split) {
    Connection c = connections().open();
    try {
      c.setReadOnly(true);
    } catch (SQLException e) {
      JdbcResources.closeQuietly(c);
      throw db.errors().translate(e, "opening a reader", table().displayName());
    }
    return new ResultSetReader(c, selectSql(split), request().columns(), request().batchRows(), db.options().fetchSize(),
        table().displayName(), split.describe(), db.errors());
  }
}
