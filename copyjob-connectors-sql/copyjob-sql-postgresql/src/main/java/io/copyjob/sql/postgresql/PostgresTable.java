package io.copyjob.sql.postgresql;

import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A table or view as the catalog describes it: qualified name, columns, primary key and the column sets of its
 * unique constraints and indexes (those an {@code ON CONFLICT} can use). Immutable.
 */
record PostgresTable(DatasetId id, String schema, String name, List<PostgresColumn> columns, List<String> primaryKey,
    List<List<String>> uniqueKeys) {

  /** {@code "schema"."name"}. */
  String qualifiedName() {
    return PostgresDialect.INSTANCE.quoteIdentifier(schema) + "." + PostgresDialect.INSTANCE.quoteIdentifier(name);
  }

  /** {@code schema.name} for messages. */
  String displayName() {
    return DatasetId.of(schema, name).toString();
  }

  Optional<PostgresColumn> column(String columnName) {
    for (PostgresColumn c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  DatasetInfo info() {
    List<Field> fields = new ArrayList<>();
    List<String> identity = new ArrayList<>();
    for (PostgresColumn c : columns) {
      fields.add(c.field());
      if (c.identity()) {
        identity.add(c.name());
      }
    }
    return DatasetInfo.of(id, Schema.of(fields), primaryKey).withIdentityColumns(identity);
  }

  /** True when a unique constraint or index covers exactly {@code keys}, so ON CONFLICT (keys) can use it. */
  boolean hasUniqueKeyOn(List<String> keys) {
    HashSet<String> wanted = new HashSet<>(keys);
    for (List<String> u : uniqueKeys) {
      if (u.size() == wanted.size() && wanted.containsAll(u)) {
        return true;
      }
    }
    return false;
  }
}
