package io.copyjob.sql.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the unique keys of one table while a {@link JdbcCatalog} reads its key query: columns are added per
 * index in key order, one at a time or all at once. Not thread-safe; used within one describe.
 */
public final class TableKeys {
  private final Map<Long, List<String>> byIndex = new LinkedHashMap<>();
  private Long primary;

  /** Adds {@code column} as the next key column of index {@code indexId}; {@code primary} marks the primary key. */
  public void add(long indexId, boolean primary, String column) {
    byIndex.computeIfAbsent(indexId, k -> new ArrayList<>()).add(column);
    if (primary) {
      this.primary = indexId;
    }
  }

  /** Adds every column of index {@code indexId}, in key order. */
  public void addAll(long indexId, boolean primary, List<String> columns) {
    for (String c : columns) {
      add(indexId, primary, c);
    }
  }

  /** The primary key's columns; empty when the table has none. */
  public List<String> primaryKey() {
    return primary == null ? List.of() : List.copyOf(byIndex.get(primary));
  }

  /** The column sets of every unique key, the primary key included, in the order they were read. */
  public List<List<String>> uniqueKeys() {
    List<List<String>> out = new ArrayList<>();
    byIndex.values().forEach(k -> out.add(List.copyOf(k)));
    return out;
  }
}
