package io.copyjob.sql.sqlserver;

import io.copyjob.ConnectorSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * One SQL Server container per test JVM (started on first use, only where Docker runs: the ITs are
 * {@code @Testcontainers(disabledWithoutDocker = true)}), and a fresh database per test with SQL helpers.
 */
public final class SqlServerTestServer {
  public static final String IMAGE = "mcr.microsoft.com/mssql/server:2022-latest";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static MSSQLServerContainer container;

  public final String database;

  private SqlServerTestServer(String database) {
    this.database = database;
  }

  public static synchronized MSSQLServerContainer container() {
    if (container == null) {
      container = new MSSQLServerContainer(IMAGE).acceptLicense();
      container.start();
    }
    return container;
  }

  /** A new, empty database. */
  public static SqlServerTestServer newDatabase(String prefix) {
    String name = prefix + "_" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(url("master"), container().getUsername(), container().getPassword());
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE [" + name + "]");
      // readers see the last committed version instead of waiting for open transactions (the recommended setting)
      s.execute("ALTER DATABASE [" + name + "] SET READ_COMMITTED_SNAPSHOT ON");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new SqlServerTestServer(name);
  }

  static String url(String database) {
    return "jdbc:sqlserver://" + container().getHost() + ":" + container().getMappedPort(1433) + ";databaseName=" + database;
  }

  /** The connector on this database; the container's certificate is self-signed. */
  public ConnectorSpec spec() {
    return SqlServerConnection.builder().url(url(database)).user(container().getUsername())
        .password(container().getPassword()).trustServerCertificate().build();
  }

  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url(database) + ";encrypt=true;trustServerCertificate=true",
        container().getUsername(), container().getPassword());
    return c;
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
}
