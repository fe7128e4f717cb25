package io.copyjob.sql.jdbc;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders the statements every SQL connector needs (CREATE TABLE, INSERT, min/max and max queries) in a
 * {@link Dialect}. Identifiers are always quoted, so hostile names stay names.
 */
public final class SqlStatements {
  private final Dialect dialect;

  public SqlStatements(Dialect dialect) {
    this.dialect = dialect;
  }

  public Dialect dialect() { return dialect; }

  /**
   * {@code CREATE TABLE table (col type [NOT NULL], ..., PRIMARY KEY (...), UNIQUE (...))}; primary-key columns
   * are NOT NULL; {@code uniqueKey} (may be empty) adds a unique constraint, e.g. for upsert keys that are
   * not the primary key.
   */
  public String createTable(String qualifiedTable, Schema schema, List<String> primaryKey, List<String> uniqueKey) {
    StringJoiner cols = new StringJoiner(", ", "CREATE TABLE " + qualifiedTable + " (", ")");
    for (Field f : schema.fields()) {
      boolean notNull = !f.nullable() || primaryKey.contains(f.name());
      cols.add(dialect.quoteIdentifier(f.name()) + " " + dialect.columnType(f.type()) + (notNull ? " NOT NULL" : ""));
    }
    if (!primaryKey.isEmpty()) {
      cols.add("PRIMARY KEY (" + Sql.columnList(dialect, primaryKey) + ")");
    }
    if (!uniqueKey.isEmpty() && !uniqueKey.equals(primaryKey)) {
      cols.add("UNIQUE (" + Sql.columnList(dialect, uniqueKey) + ")");
    }
    return cols.toString();
  }

  /**
   * {@code INSERT INTO table (cols) VALUES (p1, p2, ...)} where each parameter is given as SQL text, e.g.
   * {@code ?} or {@code CAST(? AS numeric(10,2))}.
   */
  public String insert(String qualifiedTable, List<String> columns, List<String> parameters) {
    return "INSERT INTO " + qualifiedTable + " (" + Sql.columnList(dialect, columns) + ") VALUES ("
        + String.join(", ", parameters) + ")";
  }

  /** {@code SELECT min(col), max(col) FROM table [WHERE condition]}. */
  public String minMax(String qualifiedTable, String column, String condition) {
    String c = dialect.quoteIdentifier(column);
    return "SELECT min(" + c + "), max(" + c + ") FROM " + qualifiedTable + Sql.where(condition);
  }

  /** {@code SELECT max(col) FROM table [WHERE condition]}. */
  public String max(String qualifiedTable, String column, String condition) {
    return "SELECT max(" + dialect.quoteIdentifier(column) + ") FROM " + qualifiedTable + Sql.where(condition);
  }
}
