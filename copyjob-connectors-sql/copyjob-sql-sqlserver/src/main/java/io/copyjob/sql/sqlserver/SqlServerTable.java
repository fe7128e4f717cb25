package io.copyjob.sql.sqlserver;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** A table or view: qualified name, columns, primary key and unique keys. Immutable. */
record SqlServerTable(DatasetId id, String schema, String name, List<SqlServerColumn> columns, List<String> primaryKey,
    List<List<String>> uniqueKeys) {

  /** {@code [schema].[name]}. */
  String qualifiedName() {
    return SqlServerDialect.INSTANCE.quoteIdentifier(schema) + "." + SqlServerDialect.INSTANCE.quoteIdentifier(name);
  }

  String displayName() {
    return DatasetId.of(schema, name).toString();
  }

  Optional<SqlServerColumn> column(String columnName) {
    for (SqlServerColumn c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  Optional<SqlServerColumn> identityColumn() {
    return columns.stream().filter(SqlServerColumn::identity).findFirst();
  }

  DatasetInfo info() {
    List<Field> fields = new ArrayList<>();
    List<String> identity = new ArrayList<>();
    for (SqlServerColumn c : columns) {
      fields.add(c.field());
      if (c.identity()) {
        identity.add(c.name());
      }
    }
    return DatasetInfo.of(id, Schema.of(fields), primaryKey).withIdentityColumns(identity);
  }

  boolean hasUniqueKeyOn(List<String> keys) {
    HashSet<String> wanted = new HashSet<>(keys);
    return uniqueKeys.stream().anyMatch(u -> u.size() == wanted.size() && wanted.containsAll(u));
  }
}
