package io.copyjob.sql.jdbc;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A table or view as a {@link JdbcCatalog} describes it: its schema and name, the quoted qualified name to put
 * into SQL, the columns, the primary key and the column sets of its unique constraints and indexes. Immutable.
 *
 * @param <C> the connector's column type
 */
public record JdbcTable<C extends JdbcColumn>(DatasetId id, String schema, String name, String qualifiedName,
    List<C> columns, List<String> primaryKey, List<List<String>> uniqueKeys) {

  public JdbcTable {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    uniqueKeys = List.copyOf(uniqueKeys);
  }

  /** {@code schema.name} for messages. */
  public String displayName() {
    return DatasetId.of(schema, name).toString();
  }

  /** The column of that exact name. */
  public Optional<C> column(String columnName) {
    for (C c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The table as the SPI describes a dataset: its fields, primary key and identity columns. */
  public DatasetInfo info() {
    List<Field> fields = new ArrayList<>();
    List<String> identity = new ArrayList<>();
    for (C c : columns) {
      fields.add(c.field());
      if (c.identity()) {
        identity.add(c.name());
      }
    }
    return DatasetInfo.of(id, Schema.of(fields), primaryKey).withIdentityColumns(identity);
  }

  /** True when a unique constraint or index covers exactly {@code keys}, in any order. */
  public boolean hasUniqueKeyOn(List<String> keys) {
    HashSet<String> wanted = new HashSet<>(keys);
    return uniqueKeys.stream().anyMatch(u -> u.size() == wanted.size() && wanted.containsAll(u));
  }
}
