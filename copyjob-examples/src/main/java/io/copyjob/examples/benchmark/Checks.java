package io.copyjob.examples.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The checks a variant runs after its rounds: a fast copy that lost or changed rows is not a result. */
final class Checks {
  private Checks() {
  }

  /** Throws unless {@code copy} holds exactly the rows of {@code source}. */
  static void sameRows(BenchContext ctx, String source, String copy) throws SQLException {
    long missing = count(ctx, "SELECT count(*) FROM (SELECT * FROM " + source + " EXCEPT ALL SELECT * FROM " + copy + ") d");
    long extra = count(ctx, "SELECT count(*) FROM (SELECT * FROM " + copy + " EXCEPT ALL SELECT * FROM " + source + ") d");
    if (missing != 0 || extra != 0) {
      throw new IllegalStateException(copy + " differs from " + source + ": " + missing + " rows missing or changed, "
          + extra + " rows extra");
    }
  }

  /** Throws unless {@code actual} (rows, bytes) is {@code expected}. */
  static void expect(String what, long expected, long actual) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": " + actual + ", expected " + expected);
    }
  }

  static long count(BenchContext ctx, String sql) throws SQLException {
    try (Connection c = ctx.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
