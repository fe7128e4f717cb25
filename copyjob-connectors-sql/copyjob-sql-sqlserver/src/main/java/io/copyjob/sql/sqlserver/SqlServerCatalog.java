package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.JdbcCatalog;
import io.copyjob.sql.jdbc.TableKeys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads schemas, tables, views, columns (with identity, computed and rowversion flags), primary and unique keys
 * from the {@code sys.*} catalog views, which (unlike INFORMATION_SCHEMA) carry identity and the base type of
 * alias types. The same queries work on SQL Server, Azure SQL, RDS and Fabric Warehouse.
 */
final class SqlServerCatalog extends JdbcCatalog<SqlServerColumn> {
  static final String LIST = "SELECT s.name, o.name FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id"
      + " WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0"
      + " AND s.name NOT IN ('sys', 'INFORMATION_SCHEMA', 'queryinsights') ORDER BY s.name, o.name";

  static final String OBJECT = "SELECT o.object_id FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id"
      + " WHERE s.name = ? AND o.name = ? AND o.type IN ('U', 'V')";

  /** Alias types (and sysname) read as their system type; CLR types (geography, ...) keep their own name. */
  static final String COLUMNS = "SELECT c.name,"
      + " CASE WHEN t.is_user_defined = 0 OR t.is_assembly_type = 1 THEN t.name ELSE TYPE_NAME(c.system_type_id) END,"
      + " c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.is_computed"
      + " FROM sys.columns c JOIN sys.types t ON t.user_type_id = c.user_type_id"
      + " WHERE c.object_id = ? ORDER BY c.column_id";

  /** Unique, unfiltered indexes (constraints have one each), primary key first, columns in key order. */
  static final String KEYS = "SELECT i.index_id, i.is_primary_key, c.name FROM sys.indexes i"
      + " JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id"
      + " JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id"
      + " WHERE i.object_id = ? AND i.is_unique = 1 AND i.has_filter = 0 AND ic.is_included_column = 0"
      + " AND ic.key_ordinal > 0 ORDER BY i.is_primary_key DESC, i.index_id, ic.key_ordinal";

  SqlServerCatalog(String defaultSchema) {
    super(SqlServerDialect.INSTANCE, defaultSchema, new Queries(LIST, OBJECT, COLUMNS, KEYS));
  }

  /** Names are nvarchar (sysname): bound as such, so that unicode names match and the index is used. */
  @Override
  protected void bindName(PreparedStatement s, int index, String name) throws SQLException {
    s.setNString(index, name);
  }

  @Override
  protected SqlServerColumn readColumn(ResultSet rs) throws SQLException {
    SqlServerType type = new SqlServerType(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
    return new SqlServerColumn(rs.getString(1), type, rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8));
  }

  @Override
  protected void readKeys(ResultSet rs, TableKeys keys) throws SQLException {
    keys.add(rs.getInt(1), rs.getBoolean(2), rs.getString(3));
  }
}
