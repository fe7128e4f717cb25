package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.Sql;
import io.copyjob.spi.Watermark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Every statement the SQL Server connector issues that is specific to SQL Server, as text, so unit tests can
 * check them without a server. Identifiers are always quoted with {@link SqlServerDialect#quoteIdentifier}.
 */
public final class SqlServerSql {
  /** The staging table's arrival-order column; the destination's columns never collide with it in practice. */
  public static final String ORDINAL = "__copyjob_ordinal";
  private static final String RANK = "__copyjob_rank";
  private static final SqlServerDialect D = SqlServerDialect.INSTANCE;

  private SqlServerSql() {
  }

  /** {@code SELECT exprs FROM table [WHERE ...]}: the read of one split. */
  public static String select(String qualifiedTable, List<String> expressions, String condition) {
    return "SELECT " + String.join(", ", expressions) + " FROM " + qualifiedTable + Sql.where(condition);
  }

  /**
   * The incremental condition on {@code column}: {@code (lower, upper]}. For a rowversion column the bounds are
   * compared as binary(8) ({@code [rv] > CAST(CAST(5 AS bigint) AS binary(8))}), so the index on the column is used.
   */
  public static String watermarkPredicate(String column, boolean rowversion, Optional<Watermark> lower,
      Optional<Watermark> upper) {
    return watermarkPredicate(column, rowversion ? SqlServerType.of("rowversion") : null, lower, upper);
  }

  /**
   * The incremental condition on {@code column} of type {@code columnType} (null when unknown). Temporal bounds are
   * cast to the column's own type ({@code CAST(CAST('...' AS datetime2(7)) AS datetime)}): comparing a {@code datetime} column with a
   * datetime2 literal would convert the column (.003 becomes .0033333) and take the saved row again every run.
   */
  public static String watermarkPredicate(String column, SqlServerType columnType, Optional<Watermark> lower,
      Optional<Watermark> upper) {
    String c = D.quoteIdentifier(column);
    String l = lower.map(w -> c + " > " + bound(w, columnType)).orElse(null);
    String u = upper.map(w -> c + " <= " + bound(w, columnType)).orElse(null);
    return l == null || u == null ? (l == null ? u : l) : l + " AND " + u;
  }

  /** A rowversion bound: {@code CAST(CAST(n AS bigint) AS binary(8))}, big-endian like the column. */
  static String rowversionLiteral(Watermark w) {
    return "CAST(CAST(" + w.value() + " AS bigint) AS binary(8))";
  }

  private static String bound(Watermark w, SqlServerType columnType) {
    if (columnType != null && columnType.isRowversion()) {
      return rowversionLiteral(w);
    }
    String literal = D.literal(w);
    if (columnType != null && literal.startsWith("CAST(") && java.util.Set.of("datetime", "smalldatetime")
        .contains(columnType.name())) {
      // a datetime/smalldatetime string literal takes at most 3 fractional digits (error 241 otherwise): convert
      // the exact datetime2(7) value, which a value read from the column converts back to unchanged
      return "CAST(" + literal + " AS " + columnType.declaration() + ")";
    }
    if (columnType != null && literal.startsWith("CAST(") && java.util.Set.of("datetime2", "datetimeoffset", "date")
        .contains(columnType.name())) {
      return literal.substring(0, literal.lastIndexOf(" AS ")) + " AS " + columnType.declaration() + ")";
    }
    return literal;
  }

  /**
   * The upper bound of an incremental run: the largest value above the saved one.
   *
   * <p>For a rowversion column it is capped below {@code MIN_ACTIVE_ROWVERSION()}, the lowest rowversion of a
   * transaction still open in the database:
   * {@code SELECT CAST(max([rv]) AS bigint) FROM t WHERE [rv] > <saved> AND [rv] < MIN_ACTIVE_ROWVERSION()}.
   * Rows of transactions still open carry rowversions &gt;= MIN_ACTIVE_ROWVERSION(), above the bound, so the run
   * does not read them and the next run (strictly above the saved bound) does: none is lost when those
   * transactions commit later, even though they got their rowversion before rows that committed first.
   */
  public static String upperBound(String qualifiedTable, String column, boolean rowversion, Optional<Watermark> lower) {
    return upperBound(qualifiedTable, column, rowversion ? SqlServerType.of("rowversion") : null, lower);
  }

  /** {@link #upperBound(String, String, boolean, Optional)} for a column of {@code columnType} (null when unknown). */
  public static String upperBound(String qualifiedTable, String column, SqlServerType columnType, Optional<Watermark> lower) {
    String c = D.quoteIdentifier(column);
    if (columnType == null || !columnType.isRowversion()) {
      return "SELECT max(" + c + ") FROM " + qualifiedTable
          + Sql.where(watermarkPredicate(column, columnType, lower, Optional.empty()));
    }
    String cond = Sql.and(watermarkPredicate(column, columnType, lower, Optional.empty()), c + " < MIN_ACTIVE_ROWVERSION()");
    return "SELECT CAST(max(" + c + ") AS bigint) FROM " + qualifiedTable + Sql.where(cond);
  }

  /** {@code SET IDENTITY_INSERT t ON|OFF}. */
  public static String identityInsert(String qualifiedTable, boolean on) {
    return "SET IDENTITY_INSERT " + qualifiedTable + (on ? " ON" : " OFF");
  }

  /** A staging name unique per run: {@code #copyjob_<runId>} for a session temp table. */
  public static String tempTableName(String runId) {
    return "#copyjob_" + runId.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /**
   * {@code CREATE TABLE [#stage] ([c] type NULL, ..., [__copyjob_ordinal] bigint NOT NULL)} with the destination's
   * declared types, and the arrival ordinal of each row, which the bulk writer sends with the row.
   */
  public static String createStaging(String quotedStaging, List<String> columns, List<String> declarations) {
    return "CREATE TABLE " + quotedStaging + " (" + stagingColumns(columns, declarations) + ", "
        + D.quoteIdentifier(ORDINAL) + " bigint NOT NULL)";
  }

  /** {@code [c] type NULL, ...}: the columns of a staging table, all nullable, with the destination's types. */
  static String stagingColumns(List<String> columns, List<String> declarations) {
    StringJoiner j = new StringJoiner(", ");
    for (int i = 0; i < columns.size(); i++) {
      j.add(D.quoteIdentifier(columns.get(i)) + " " + declarations.get(i) + " NULL");
    }
    return j.toString();
  }

  /**
   * The staged rows of an upsert, one per key, the last that arrived (highest {@link #ORDINAL}):
   * {@code (SELECT cols FROM (SELECT cols, ROW_NUMBER() OVER (PARTITION BY keys ORDER BY ordinal DESC) AS rank
   * FROM staging) AS r WHERE rank = 1)}. As in PostgreSQL, a key written twice in one run ends with its last row,
   * as if the rows had been applied one after the other; NULL keys count as one key here, as there.
   */
  public static String lastPerKey(String quotedStaging, List<String> columns, List<String> keys) {
    String cols = Sql.columnList(D, columns);
    String rank = D.quoteIdentifier(RANK);
    return "(SELECT " + cols + " FROM (SELECT " + cols + ", ROW_NUMBER() OVER (PARTITION BY " + Sql.columnList(D, keys)
        + " ORDER BY " + D.quoteIdentifier(ORDINAL) + " DESC) AS " + rank + " FROM " + quotedStaging + ") AS r WHERE "
        + rank + " = 1)";
  }

  /**
   * The MERGE of an upsert from the {@code #temp} staging table: {@link #merge(String, String, List, List, List)} from
   * {@link #lastPerKey}, so a key staged twice matches its target row once (a MERGE that updates one target row
   * twice fails with error 8672).
   */
  public static String upsertMerge(String qualifiedTarget, String quotedStaging, List<String> columns, List<String> keys,
      List<String> notUpdated) {
    return merge(qualifiedTarget, lastPerKey(quotedStaging, columns, keys), columns, keys, notUpdated);
  }

  /** {@code DROP TABLE IF EXISTS staging}. */
  public static String dropTable(String quotedTable) {
    return "DROP TABLE IF EXISTS " + quotedTable;
  }

  /**
   * Overwrite: {@code DELETE FROM t} in the write transaction. DELETE rather than TRUNCATE: it needs only DELETE
   * permission, works on tables referenced by foreign keys, does not reset IDENTITY, and is transactional like
   * the rest; readers under READ COMMITTED wait for the commit and never see an empty table (under RCSI they
   * see the old rows until then). {@code WITH (TABLOCKX)} with {@code tableLock}: one lock instead of row locks.
   */
  public static String deleteAll(String qualifiedTable, boolean tableLock) {
    return "DELETE FROM " + qualifiedTable + (tableLock ? " WITH (TABLOCKX)" : "");
  }

  /**
   * Upsert: {@code MERGE INTO t WITH (HOLDLOCK) AS t USING staging AS s ON t.k = s.k WHEN MATCHED THEN UPDATE SET
   * ... WHEN NOT MATCHED BY TARGET THEN INSERT (...) VALUES (...);}. HOLDLOCK makes the match-then-insert atomic
   * against concurrent writers; keys compare with {@code =} (NULL keys never match, as in a unique index).
   * {@code source} is a table or a parenthesized query; a key twice in it fails the MERGE (error 8672), so an
   * upsert merges from {@link #lastPerKey} ({@link #upsertMerge}).
   */
  public static String merge(String qualifiedTarget, String source, List<String> columns, List<String> keys) {
    return merge(qualifiedTarget, source, columns, keys, List.of());
  }

  /** {@link #merge(String, String, List, List)} that never updates {@code notUpdated} (IDENTITY columns cannot be). */
  public static String merge(String qualifiedTarget, String source, List<String> columns, List<String> keys,
      List<String> notUpdated) {
    StringJoiner on = new StringJoiner(" AND ");
    for (String k : keys) {
      String q = D.quoteIdentifier(k);
      on.add("t." + q + " = s." + q);
    }
    List<String> updated = new ArrayList<>();
    for (String c : columns) {
      if (!keys.contains(c) && !notUpdated.contains(c)) {
        String q = D.quoteIdentifier(c);
        updated.add("t." + q + " = s." + q);
      }
    }
    StringJoiner values = new StringJoiner(", ");
    for (String c : columns) {
      values.add("s." + D.quoteIdentifier(c));
    }
    return "MERGE INTO " + qualifiedTarget + " WITH (HOLDLOCK) AS t USING " + source + " AS s ON (" + on + ")"
        + (updated.isEmpty() ? "" : " WHEN MATCHED THEN UPDATE SET " + String.join(", ", updated))
        + " WHEN NOT MATCHED BY TARGET THEN INSERT (" + Sql.columnList(D, columns) + ") VALUES (" + values + ");";
  }
}
