package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.JdbcCatalog;
import io.copyjob.sql.jdbc.TableKeys;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads tables, views, columns and keys from {@code pg_catalog} (not DatabaseMetaData: it hides the type
 * modifiers that decide numeric precision and varchar length, and the base types of domains).
 */
final class PostgresCatalog extends JdbcCatalog<PostgresColumn> {
  private static final String LIST = "SELECT n.nspname, c.relname FROM pg_class c"
      + " JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')"
      + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
      + " AND n.nspname NOT LIKE 'pg\\_temp%' AND NOT c.relispartition"
      + " ORDER BY n.nspname, c.relname";

  private static final String RELATION = "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
      + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p', 'v', 'm', 'f')";

  /** Columns with the base type of domains, so a domain over numeric(10,2) reads as numeric(10,2). */
  private static final String COLUMNS = "SELECT a.attname,"
      + " CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END AS type_oid,"
      + " CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END AS type_name,"
      + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS type_mod,"
      + " format_type(a.atttypid, a.atttypmod) AS sql_name, a.attnotnull OR (t.typtype = 'd' AND t.typnotnull),"
      + " format_type(a.atttypid, NULL) AS cast_name, a.attidentity <> '' AS is_identity"
      + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON bt.oid = t.typbasetype"
      + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

  /** Unique, non-partial, expression-free indexes (constraints have one each), primary key first. */
  private static final String KEYS = "SELECT i.indexrelid, i.indisprimary,"
      + " ARRAY(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, ord)"
      + "   JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.ord)"
      + " FROM pg_index i WHERE i.indrelid = ? AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL"
      + " AND i.indisvalid ORDER BY i.indisprimary DESC, i.indexrelid";

  PostgresCatalog(String defaultSchema) {
    super(PostgresDialect.INSTANCE, defaultSchema, new Queries(LIST, RELATION, COLUMNS, KEYS));
  }

  @Override
  protected PostgresColumn readColumn(ResultSet rs) throws SQLException {
    PgType type = PgType.of((int) rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(7));
    return new PostgresColumn(rs.getString(1), type, rs.getBoolean(6), rs.getBoolean(8));
  }

  @Override
  protected void readKeys(ResultSet rs, TableKeys keys) throws SQLException {
    Array a = rs.getArray(3);
    keys.addAll(rs.getLong(1), rs.getBoolean(2), Arrays.asList((String[]) a.getArray()));
  }
}
