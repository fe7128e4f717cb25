package io.copyjob.testkit;

import io.copyjob.ConnectorSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fresh database on the embedded server, with small SQL helpers for end-to-end tests. */
public final class TestDatabase {
  public final String name;

  public TestDatabase(String prefix) {
    this.name = PostgresServer.newDatabase(prefix);
  }

  /** The {@code postgresql} connector on this database, in the generic form (no connector dependency here). */
  public ConnectorSpec spec() {
    return ConnectorSpec.of("postgresql", Map.of("url", PostgresServer.jdbcUrl(name), "user", PostgresServer.USER));
  }

  public Connection connect() throws SQLException {
    return PostgresServer.connect(name);
  }

  public void exec(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long count(String sql) {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  /** Every row of {@code sql}, each value as PostgreSQL prints it (null as null). */
  public List<List<String>> rows(String sql) {
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
  public long difference(String a, String b) {
    return count("SELECT count(*) FROM (SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ") x")
        + count("SELECT count(*) FROM (SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + ") x");
  }
}
