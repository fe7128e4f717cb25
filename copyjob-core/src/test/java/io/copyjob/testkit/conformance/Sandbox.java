package io.copyjob.testkit.conformance;

import io.copyjob.ConnectorSpec;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A fresh, empty database or schema for one side of a conformance test: the connector spec that points at it,
 * the namespace its tables live in, and SQL helpers that read rows back in {@link NormalForm}.
 */
public final class Sandbox {
  /** Opens a new JDBC connection to the sandbox (autocommit on). */
  @FunctionalInterface
  public interface Connector {
    Connection connect() throws SQLException;
  }

  /** Rows per multi-row INSERT: SQL Server accepts at most 1000 in one VALUES list. */
  private static final int ROWS_PER_INSERT = 500;

  private final ConformanceDatabase database;
  private final ConnectorSpec spec;
  private final String namespace;
  private final Connector connector;

  /**
   * @param spec the connector under test, pointing at this sandbox
   * @param namespace the schema tables are created in and named with ({@code public}, {@code dbo})
   * @param connector opens JDBC connections in which unqualified and {@code namespace.}-qualified names resolve
   */
  public Sandbox(ConformanceDatabase database, ConnectorSpec spec, String namespace, Connector connector) {
    this.database = database;
    this.spec = spec;
    this.namespace = namespace;
    this.connector = connector;
  }

  public ConnectorSpec spec() {
    return spec;
  }

  /** The spec with the options of a {@link ConformanceDatabase#sinkVariants() sink variant} added. */
  public ConnectorSpec spec(Map<String, String> extraOptions) {
    ConnectorSpec s = spec;
    for (Map.Entry<String, String> e : extraOptions.entrySet()) {
      s = s.with(e.getKey(), e.getValue());
    }
    return s;
  }

  public String namespace() {
    return namespace;
  }

  /** {@code namespace.name}: how both SQL and a job's table selector name the table. */
  public String table(String name) {
    return namespace + "." + name;
  }

  public Connection connect() throws SQLException {
    return connector.connect();
  }

  public void exec(String... statements) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      String sql = String.join("; ", statements);
      throw new IllegalStateException(e.getMessage() + " in: " + (sql.length() > 2000 ? sql.substring(0, 2000) + "..." : sql), e);
    }
  }

  /** {@code CREATE TABLE namespace.name (col type, ..., extra...)} with the database's types for the columns. */
  public void createTable(String name, Map<String, PortableType> columns, String... extra) {
    StringJoiner ddl = new StringJoiner(", ", "CREATE TABLE " + table(name) + " (", ")");
    columns.forEach((column, type) -> ddl.add(column + " " + database.sqlType(type)));
    for (String e : extra) {
      ddl.add(e);
    }
    exec(ddl.toString());
  }

  /**
   * Inserts {@code rows} (values in normal form, null for NULL) into the columns of {@code columns} in order,
   * written as literals through {@link ConformanceDatabase#literal(PortableType, String)}.
   */
  public void insert(String name, Map<String, PortableType> columns, List<List<String>> rows) {
    List<PortableType> types = new ArrayList<>(columns.values());
    String head = "INSERT INTO " + table(name) + " (" + String.join(", ", columns.keySet()) + ") VALUES ";
    List<String> statements = new ArrayList<>();
    for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
      StringJoiner values = new StringJoiner(", ", head, "");
      for (List<String> row : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT))) {
        StringJoiner tuple = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < types.size(); i++) {
          tuple.add(row.get(i) == null ? "NULL" : database.literal(types.get(i), row.get(i)));
        }
        values.add(tuple.toString());
      }
      statements.add(values.toString());
    }
    exec(statements.toArray(String[]::new));
  }

  /** Every row of {@code sql}, each value in {@link NormalForm}. */
  public List<List<String>> rows(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(NormalForm.of(database.readValue(rs, i)));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
    }
  }

  public long count(String table) {
    return Long.parseLong(rows("SELECT count(*) FROM " + table(table)).get(0).get(0));
  }

  /**
   * Each column of {@code table} as the JDBC driver describes it: {@code name TYPE_NAME(COLUMN_SIZE,DECIMAL_DIGITS)},
   * in column order; empty when the table does not exist.
   */
  public List<String> columnTypes(String table) {
    try (Connection c = connect(); ResultSet rs = c.getMetaData().getColumns(null, namespace, table, null)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + "(" + rs.getString("COLUMN_SIZE")
            + "," + rs.getString("DECIMAL_DIGITS") + ")");
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The primary-key columns of {@code table}, in key order. */
  public List<String> primaryKey(String table) {
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String[]> keys = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(null, namespace, table)) {
        while (rs.next()) {
          keys.add(new String[] {rs.getString("KEY_SEQ"), rs.getString("COLUMN_NAME")});
        }
      }
      keys.sort((a, b) -> Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0])));
      return keys.stream().map(k -> k[1]).toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
