package io.copyjob.examples.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * What the suite and every forked variant share: the benchmark database, the table size and the working folder
 * with the data files. Passed to a forked JVM as system properties.
 *
 * @param url  JDBC URL of the database that holds the fixtures ({@link Fixtures})
 * @param user its user (the embedded server needs no password)
 * @param rows rows of the main table
 * @param work the folder of the CSV fixtures and of every output
 */
record BenchContext(String url, String user, long rows, Path work) {
  private static final String URL = "benchmark.url";
  private static final String USER = "benchmark.user";
  private static final String ROWS = "benchmark.rows";
  private static final String WORK = "benchmark.work";

  static BenchContext fromSystemProperties() {
    return new BenchContext(System.getProperty(URL), System.getProperty(USER), Long.getLong(ROWS, 2_000_000),
        Path.of(System.getProperty(WORK)));
  }

  List<String> asJvmArguments() {
    return List.of("-D" + URL + "=" + url, "-D" + USER + "=" + user, "-D" + ROWS + "=" + rows, "-D" + WORK + "=" + work);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** A folder for one variant's output files. */
  Path output(String name) {
    return work.resolve("out").resolve(name);
  }
}
