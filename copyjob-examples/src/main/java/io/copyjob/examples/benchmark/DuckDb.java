package io.copyjob.examples.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB in process, through JDBC only (its driver is on the classpath in the {@code benchmark} profile alone):
 * the CSV → Parquet baseline and an independent reader of the Parquet files copyjob writes.
 */
final class DuckDb {
  private DuckDb() {
  }

  /** A new in-memory DuckDB limited to one thread, as the CSV → Parquet baseline is defined. */
  static Connection singleThreaded() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = c.createStatement()) {
      s.execute("SET threads = 1");
    }
    return c;
  }

  /** The rows of every Parquet file under {@code folder}. */
  static long parquetRows(Path folder) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + quote(folder + "/**/*.parquet") + ")")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
