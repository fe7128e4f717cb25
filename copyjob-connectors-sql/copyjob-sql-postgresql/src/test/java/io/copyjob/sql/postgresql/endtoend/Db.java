package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.ConnectorSpec;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database on the embedded server, with small SQL helpers for end-to-end tests. */
final class Db {
  final String name;

  Db(String prefix) {
    this.name = PostgresServer.newDatabase(prefix);
  }

  ConnectorSpec spec() {
    return PostgresConnection.of(PostgresServer.jdbcUrl(name), PostgresServer.USER, "");
  }

  Connection connect() throws SQLException {
    return PostgresServer.connect(name);
  }

  void exec(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  /** Every row of {@code sql}, each value as PostgreSQL prints it (null as null). */
  List<List<String>> rows(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows in one table and not the other, both ways: 0 means equal as multisets of distinct rows. */
  long difference(String a, String b) {
    return count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ") x")
        + count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ") x");
  }
}
