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
    return "INSERT INTO " + target + " AS t (" + cols + ") SELECT " + cols + " FROM (SELECT DISTINCT ON (" + keyList
        + ") " + cols + " FROM " + staging + " ORDER BY " + keyList + ", " + d.quoteIdentifier(ARRIVAL) + " DESC) s"
        // WHERE true: keeps the parser from reading ON CONFLICT as a join condition
        + " WHERE true ON CONFLICT (" + keyList + ") "
        + (updates.isEmpty() ? "DO NOTHING" : "DO UPDATE SET " + set);
  }
}
