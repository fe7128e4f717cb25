package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The statements of an upsert through a staging table. Rows with the same key within one run are reduced to
 * the last one that arrived ({@code DISTINCT ON} over the staging table's arrival number), as if they had been
 * applied one after the other; {@code ON CONFLICT DO UPDATE} could not touch one row twice otherwise.
 */
final class UpsertSql {
  /** The staging table's arrival-order column; the destination's columns never collide with it in practice. */
  static final String ARRIVAL = "__copyjob_arrival";

  private UpsertSql() {
  }

  /**
   * {@code CREATE TEMP TABLE stage ON COMMIT DROP AS SELECT cols FROM target WITH NO DATA}: the written columns
   * with the destination's exact types and modifiers, and no constraints. Not {@code LIKE target}: that copies
   * the NOT NULL of columns the run does not write (an upsert of some columns would fail in the staging table).
   */
  static String createStaging(String staging, String target, List<String> columns) {
    return "CREATE TEMP TABLE " + staging + " ON COMMIT DROP AS SELECT " + Sql.columnList(PostgresDialect.INSTANCE, columns)
        + " FROM " + target + " WITH NO DATA";
  }

  /** Numbers the staged rows in arrival order. */
  static String addArrival(String staging) {
    return "ALTER TABLE " + staging + " ADD COLUMN " + PostgresDialect.INSTANCE.quoteIdentifier(ARRIVAL)
        + " bigint GENERATED ALWAYS AS IDENTITY";
  }

  /** The staged rows, one per key, the last that arrived: {@code (SELECT DISTINCT ON (keys) cols FROM stage ORDER BY keys, arrival DESC)}. */
  private static String lastPerKey(String staging, String cols, String keyList) {
    return "(SELECT DISTINCT ON (" + keyList + ") " + cols + " FROM " + staging + " ORDER BY " + keyList + ", "
        + PostgresDialect.INSTANCE.quoteIdentifier(ARRIVAL) + " DESC) s";
  }

  /**
   * For a write of only some columns of a table with NOT NULL columns: {@code INSERT ... ON CONFLICT} checks NOT
   * NULL on the proposed row before it finds the conflict, so existing keys are updated first,
   * {@code UPDATE target t SET c = s.c FROM (last per key) s WHERE t.k = s.k}, ...
   */
  static String updateExisting(String target, String staging, List<String> columns, List<String> keys) {
    PostgresDialect d = PostgresDialect.INSTANCE;
    String cols = Sql.columnList(d, columns);
    StringJoiner set = new StringJoiner(", ");
    for (String c : columns) {
      if (!keys.contains(c)) {
        set.add(d.quoteIdentifier(c) + " = s." + d.quoteIdentifier(c));
      }
    }
    if (set.length() == 0) {
      return null; // only keys: nothing to update
    }
    return "UPDATE " + target + " AS t SET " + set + " FROM " + lastPerKey(staging, cols, Sql.columnList(d, keys))
        + " WHERE " + keyMatch(keys);
  }

  /** ... then the new keys are inserted: {@code INSERT INTO target (cols) SELECT cols FROM (last per key) s WHERE NOT EXISTS (...)}. */
  static String insertNew(String target, String staging, List<String> columns, List<String> keys) {
    PostgresDialect d = PostgresDialect.INSTANCE;
    String cols = Sql.columnList(d, columns);
    return "INSERT INTO " + target + " (" + cols + ") SELECT " + cols + " FROM " + lastPerKey(staging, cols, Sql.columnList(d, keys))
        + " WHERE NOT EXISTS (SELECT 1 FROM " + target + " AS t WHERE " + keyMatch(keys) + ")";
  }

  private static String keyMatch(List<String> keys) {
    StringJoiner match = new StringJoiner(" AND ");
    for (String k : keys) {
      String q = PostgresDialect.INSTANCE.quoteIdentifier(k);
      match.add("t." + q + " = s." + q);
    }
    return match.toString();
  }

  /**
   * {@code INSERT INTO target (cols) SELECT cols FROM (SELECT DISTINCT ON (keys) ... ORDER BY keys, arrival DESC)
   * ON CONFLICT (keys) DO UPDATE SET c = EXCLUDED.c}; DO NOTHING when every column is a key.
   */
  static String merge(String target, String staging, List<String> columns, List<String> keys) {
    PostgresDialect d = PostgresDialect.INSTANCE;
    String cols = Sql.columnList(d, columns);
    String keyList = Sql.columnList(d, keys);
    List<String> updates = new ArrayList<>();
    for (String c : columns) {
      if (!keys.contains(c)) {
        updates.add(d.quoteIdentifier(c) + " = EXCLUDED." + d.quoteIdentifier(c));
      }
    }
    StringJoiner set = new StringJoiner(", ");
    updates.forEach(set::add);
    return "INSERT INTO " + target + " AS t (" + cols + ") SELECT " + cols + " FROM " + lastPerKey(staging, cols, keyList)
        // WHERE true: keeps the parser from reading ON CONFLICT as a join condition
        + " WHERE true ON CONFLICT (" + keyList + ") "
        + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + set);
  }
}
