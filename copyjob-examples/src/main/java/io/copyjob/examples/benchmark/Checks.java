package io.copyjob.examples.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The checks a variant runs after its rounds: a fast copy that lost or changed rows is not a result. */
final class Checks {
  private Checks() {
  }

  /**
   * Throws unless {@code copy} holds the rows of {@code source}: the same count and the same sum of a 64-bit hash
   * of every row's text, one scan of each table (a row-by-row EXCEPT ALL sorts both, minutes at full size).
   */
  static void sameRows(BenchContext ctx, String source, String copy) throws SQLException {
    String s = fingerprint(ctx, source);
    String c = fingerprint(ctx, copy);
    if (!s.equals(c)) {
      throw new IllegalStateException(copy + " differs from " + source + ": (rows, row hash sum) " + c + " against " + s);
    }
  }

  private static String fingerprint(BenchContext ctx, String table) throws SQLException {
    try (Connection c = ctx.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), sum(hashtextextended(t::text, 0)) FROM " + table + " t")) {
      rs.next();
      return rs.getLong(1) + ", " + rs.getString(2);
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
