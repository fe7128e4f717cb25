package io.copyjob.sql.jdbc;

/** Small JDBC resource helpers shared by the SQL connectors. */
public final class JdbcResources {
  private JdbcResources() {
  }

  /** Closes {@code c}, ignoring errors: for paths that are already failing or ending. Null is ignored. */
  public static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing left to do with a resource we are giving up
      }
    }
  }
}
