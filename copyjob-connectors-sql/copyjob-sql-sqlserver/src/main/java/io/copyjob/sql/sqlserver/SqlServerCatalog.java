package io.copyjob.sql.sqlserver;

import io.copyjob.spi.DatasetId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads schemas, tables, views, columns (with identity, computed and rowversion flags), primary and unique keys
 * from the {@code sys.*} catalog views, which (unlike INFORMATION_SCHEMA) carry identity and the base type of
 * alias types. The same queries work on SQL Server, Azure SQL, RDS and Fabric Warehouse.
 */
final class SqlServerCatalog {
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

  private final String defaultSchema;

  SqlServerCatalog(String defaultSchema) {
    this.defaultSchema = defaultSchema;
  }

  String defaultSchema() { return defaultSchema; }

  List<DatasetId> list(Connection c) throws SQLException {
    List<DatasetId> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(LIST); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(DatasetId.of(rs.getString(1), rs.getString(2)));
      }
    }
    return ids;
  }

  Optional<SqlServerTable> describe(Connection c, DatasetId id) throws SQLException {
    String schema = id.namespace().orElse(defaultSchema);
    int objectId;
    try (PreparedStatement s = c.prepareStatement(OBJECT)) {
      s.setNString(1, schema);
      s.setNString(2, id.name());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        objectId = rs.getInt(1);
      }
    }
    List<SqlServerColumn> columns = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(COLUMNS)) {
      s.setInt(1, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          SqlServerType type = new SqlServerType(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
          columns.add(new SqlServerColumn(rs.getString(1), type, rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8)));
        }
      }
    }
    Map<Integer, List<String>> keys = new LinkedHashMap<>();
    int primary = -1;
    try (PreparedStatement s = c.prepareStatement(KEYS)) {
      s.setInt(1, objectId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keys.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(3));
          if (rs.getBoolean(2)) {
            primary = rs.getInt(1);
          }
        }
      }
    }
    List<String> pk = primary < 0 ? List.of() : List.copyOf(keys.get(primary));
    List<List<String>> unique = new ArrayList<>();
    keys.values().forEach(k -> unique.add(List.copyOf(k)));
    return Optional.of(new SqlServerTable(id, schema, id.name(), columns, pk, unique));
  }
}
