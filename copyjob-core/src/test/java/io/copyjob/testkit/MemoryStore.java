package io.copyjob.testkit;

import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named in-memory databases for the {@code memory} test connector: tables of rows (Java-form values in schema
 * order). Thread-safe; every method locks the store.
 */
public final class MemoryStore {
  private static final Map<String, MemoryStore> STORES = new ConcurrentHashMap<>();

  private final Map<DatasetId, Table> tables = new TreeMap<>();

  /** The store called {@code name}, created empty on first use. */
  public static MemoryStore named(String name) {
    return STORES.computeIfAbsent(name, n -> new MemoryStore());
  }

  /** A fresh, empty store under a unique name; returns the name. */
  public static String fresh(String prefix) {
    String name = prefix + "-" + java.util.UUID.randomUUID();
    STORES.put(name, new MemoryStore());
    return name;
  }

  /** A table and its rows. */
  static final class Table {
    final DatasetInfo info;
    final List<Object[]> rows = new ArrayList<>();

    Table(DatasetInfo info) {
      this.info = info;
    }
  }

  public synchronized void createTable(DatasetId id, Schema schema, List<String> primaryKey) {
    tables.put(id, new Table(DatasetInfo.of(id, schema, primaryKey)));
  }

  /** A table as {@code info} describes it (identity columns included). */
  public synchronized void createTable(DatasetInfo info) {
    tables.put(info.id(), new Table(info));
  }

  public synchronized void insert(DatasetId id, Object... row) {
    Table t = table(id);
    if (row.length != t.info.schema().size()) {
      throw new IllegalArgumentException("row has " + row.length + " values, table " + id + " has "
          + t.info.schema().size() + " columns");
    }
    t.rows.add(row.clone());
  }

  /** Sets {@code column} to {@code value} in rows whose first column equals {@code key}. */
  public synchronized void update(DatasetId id, Object key, String column, Object value) {
    Table t = table(id);
    int c = t.info.schema().indexOf(column);
    for (Object[] row : t.rows) {
      if (row[0].equals(key)) {
        row[c] = value;
      }
    }
  }

  /** A copy of the table's rows. */
  public synchronized List<List<Object>> rows(DatasetId id) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] row : table(id).rows) {
      out.add(Arrays.asList(row.clone()));
    }
    return out;
  }

  public synchronized Optional<DatasetInfo> describe(DatasetId id) {
    Table t = tables.get(id);
    return t == null ? Optional.empty() : Optional.of(t.info);
  }

  public synchronized boolean exists(DatasetId id) {
    return tables.containsKey(id);
  }

  synchronized List<DatasetId> list() {
    return new ArrayList<>(tables.keySet());
  }

  synchronized List<Object[]> snapshot(DatasetId id) {
    List<Object[]> copy = new ArrayList<>();
    for (Object[] row : table(id).rows) {
      copy.add(row.clone());
    }
    return copy;
  }

  /** Replaces a table's rows at once (the sink's commit). */
  synchronized void replace(DatasetId id, DatasetInfo info, List<Object[]> rows) {
    Table t = new Table(info);
    t.rows.addAll(rows);
    tables.put(id, t);
  }

  private Table table(DatasetId id) {
    Table t = tables.get(id);
    if (t == null) {
      throw new IllegalArgumentException("no table " + id);
    }
    return t;
  }
}
