package io.copyjob.core.history;

import io.copyjob.CopyJobException;
import io.copyjob.CopyMode;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.Watermark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run history in PostgreSQL or SQL Server (Azure SQL, RDS): one row per run in {@code copyjob_run}, one row per
 * table of a run in {@code copyjob_run_table}, with rows read, written and rejected, bytes, duration, watermarks
 * before and after (as logical type + lossless text), status, error code and message. Instants are kept as UTC
 * timestamps for people reading the tables and as epoch nanoseconds for exact round trips.
 *
 * <p>The tables are created on first use (several processes may do it at once). Their layout is versioned: the row
 * {@code ('run_history', 1)} of {@code copyjob_schema_version} says which layout they have, so that later releases
 * can migrate them; a store refuses tables of a newer version than it knows. SQL is portable where it can be (row
 * limits use {@code OFFSET ... FETCH}); column types differ per database: {@code NVARCHAR}/{@code DATETIME2} on SQL
 * Server, {@code VARCHAR}/{@code TIMESTAMP}/{@code TEXT} elsewhere.
 *
 * <p>Beyond {@link #lastRuns}: {@link #tableRuns} (the runs of one table), {@link #tableTotals} and
 * {@link #databaseTotals} (rows and bytes over the job's whole recorded life). Thread-safe.
 */
public final class JdbcRunHistoryStore implements RunHistoryStore {
  /** The layout version this release writes and reads. */
  public static final int SCHEMA_VERSION = 1;
  /** The prefix of the table names when none is given. */
  public static final String DEFAULT_PREFIX = "copyjob_";
  static final String COMPONENT = "run_history";
  private static final Logger LOG = LoggerFactory.getLogger(JdbcRunHistoryStore.class);
  private static final int IN_CHUNK = 200;

  private enum Dialect {
    POSTGRESQL("VARCHAR", "TEXT", "TIMESTAMP"),
    SQLSERVER("NVARCHAR", "NVARCHAR(MAX)", "DATETIME2(7)"),
    GENERIC("VARCHAR", "VARCHAR(4000)", "TIMESTAMP");

    final String varchar;
    final String text;
    final String timestamp;

    Dialect(String varchar, String text, String timestamp) {
      this.varchar = varchar;
      this.text = text;
      this.timestamp = timestamp;
    }

    static Dialect of(Connection c) throws SQLException {
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (product.contains("postgres")) {
        return POSTGRESQL;
      }
      return product.contains("sql server") ? SQLSERVER : GENERIC;
    }

    String str(int n) {
      return varchar + "(" + n + ")";
    }
  }

  private final DataSource dataSource;
  private final String prefix;
  private final String runs;
  private final String tables;
  private final String versions;
  private volatile boolean ready;

  /** A store over {@code dataSource} with the default table names ({@code copyjob_run}, ...). */
  public JdbcRunHistoryStore(DataSource dataSource) {
    this(dataSource, DEFAULT_PREFIX);
  }

  /**
   * A store over {@code dataSource} whose tables are named {@code prefix + "run"}, {@code prefix + "run_table"} and
   * {@code prefix + "schema_version"}; the prefix may name a schema ({@code ops.copyjob_}).
   */
  public JdbcRunHistoryStore(DataSource dataSource, String prefix) {
    if (!prefix.matches("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("run history table prefix must be a plain [schema.]name: " + prefix);
    }
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.prefix = prefix;
    this.runs = prefix + "run";
    this.tables = prefix + "run_table";
    this.versions = prefix + "schema_version";
  }

  @Override
  public void record(RunResult run) {
    try (Connection c = connection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        insertRun(c, run);
        insertTables(c, run);
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (isDuplicate(e)) {
          LOG.debug("run {} of job {} is already recorded", run.runId(), run.jobName());
          return;
        }
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw failure("record run " + run.runId(), run.jobName(), e);
    }
  }

  private void insertRun(Connection c, RunResult run) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + runs + " (run_id, job_name, status, started_at,"
        + " finished_at, started_at_ns, finished_at_ns, rows_read, rows_written, rows_rejected, error_text)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, run.runId());
      s.setString(2, run.jobName());
      s.setString(3, run.status().name());
      s.setObject(4, utc(run.startedAt()));
      s.setObject(5, utc(run.finishedAt()));
      s.setLong(6, nanos(run.startedAt()));
      s.setLong(7, nanos(run.finishedAt()));
      s.setLong(8, run.rowsRead());
      s.setLong(9, run.rowsWritten());
      s.setLong(10, run.rowsRejected());
      setNullable(s, 11, run.error().orElse(null));
      s.executeUpdate();
    }
  }

  private void insertTables(Connection c, RunResult run) throws SQLException {
    if (run.tables().isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + tables + " (run_id, table_index, job_name,"
        + " source_table, source_namespace, destination_table, status, mode_kind, mode_column, rows_read,"
        + " rows_written, rows_rejected, bytes_read, bytes_written, started_at, started_at_ns, duration_ns,"
        + " watermark_before_type, watermark_before_text, watermark_after_type, watermark_after_text, error_code,"
        + " error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int index = 0;
      for (TableResult t : run.tables()) {
        int i = 1;
        s.setString(i++, run.runId());
        s.setInt(i++, index++);
        s.setString(i++, run.jobName());
        s.setString(i++, t.sourceTable());
        s.setString(i++, namespace(t.sourceTable()));
        s.setString(i++, t.destinationTable());
        s.setString(i++, t.status().name());
        s.setString(i++, t.mode().kind().name());
        setNullable(s, i++, t.mode().column().orElse(null));
        s.setLong(i++, t.rowsRead());
        s.setLong(i++, t.rowsWritten());
        s.setLong(i++, t.rowsRejected());
        s.setLong(i++, t.bytesRead());
        s.setLong(i++, t.bytesWritten());
        s.setObject(i++, utc(t.startedAt()));
        s.setLong(i++, nanos(t.startedAt()));
        s.setLong(i++, t.duration().toNanos());
        setNullable(s, i++, t.watermarkBefore().map(w -> w.type().toString()).orElse(null));
        setNullable(s, i++, t.watermarkBefore().map(Watermark::toText).orElse(null));
        setNullable(s, i++, t.watermarkAfter().map(w -> w.type().toString()).orElse(null));
        setNullable(s, i++, t.watermarkAfter().map(Watermark::toText).orElse(null));
        setNullable(s, i++, t.errorCode().map(Enum::name).orElse(null));
        setNullable(s, i++, t.error().orElse(null));
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  @Override
  public List<RunResult> lastRuns(String job, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    try (Connection c = connection()) {
      Map<String, Object[]> heads = new LinkedHashMap<>();
      try (PreparedStatement s = c.prepareStatement("SELECT run_id, started_at_ns, finished_at_ns, error_text FROM "
          + runs + " WHERE job_name = ? ORDER BY started_at_ns DESC, run_id DESC"
          + " OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
        s.setString(1, job);
        s.setInt(2, limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            heads.put(rs.getString(1), new Object[] {instant(rs.getLong(2)), instant(rs.getLong(3)), rs.getString(4)});
          }
        }
      }
      Map<String, List<TableResult>> results = tableResults(c, new ArrayList<>(heads.keySet()));
      List<RunResult> out = new ArrayList<>(heads.size());
      for (Map.Entry<String, Object[]> e : heads.entrySet()) {
        Object[] h = e.getValue();
        out.add(RunResult.of(job, e.getKey(), (Instant) h[0], (Instant) h[1],
            results.getOrDefault(e.getKey(), List.of()), (String) h[2]));
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the runs", job, e);
    }
  }

  /**
   * The last {@code limit} results of {@code sourceTable} ({@code namespace.name}, as in {@link TableResult}) in
   * runs of {@code job}, newest first.
   */
  public List<TableRun> tableRuns(String job, String sourceTable, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("SELECT t.run_id, r.started_at_ns, " + TABLE_COLUMNS + " FROM "
            + tables + " t JOIN " + runs + " r ON r.run_id = t.run_id WHERE t.job_name = ? AND t.source_table = ?"
            + " ORDER BY r.started_at_ns DESC, t.run_id DESC, t.table_index OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY")) {
      s.setString(1, job);
      s.setString(2, sourceTable);
      s.setInt(3, limit);
      List<TableRun> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new TableRun(rs.getString(1), instant(rs.getLong(2)), tableResult(rs, 3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the runs of " + sourceTable, job, e);
    }
  }

  /** Totals per source table over every recorded run of {@code job}, ordered by table. */
  public List<TableTotals> tableTotals(String job) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("SELECT source_table, COUNT(*),"
            + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), SUM(rows_read), SUM(rows_written),"
            + " SUM(rows_rejected), SUM(bytes_read), SUM(bytes_written) FROM " + tables
            + " WHERE job_name = ? GROUP BY source_table ORDER BY source_table")) {
      s.setString(1, job);
      List<TableTotals> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new TableTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6), rs.getLong(7), rs.getLong(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the table totals", job, e);
    }
  }

  /** Totals per source database (namespace of the source tables) over every recorded run of {@code job}. */
  public List<DatabaseTotals> databaseTotals(String job) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("SELECT source_namespace, COUNT(DISTINCT source_table), COUNT(*),"
            + " SUM(rows_read), SUM(rows_written), SUM(rows_rejected), SUM(bytes_read), SUM(bytes_written) FROM "
            + tables + " WHERE job_name = ? GROUP BY source_namespace ORDER BY source_namespace")) {
      s.setString(1, job);
      List<DatabaseTotals> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new DatabaseTotals(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
              rs.getLong(6), rs.getLong(7), rs.getLong(8)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read the database totals", job, e);
    }
  }

  private static final String TABLE_COLUMNS = "t.source_table, t.destination_table, t.status, t.mode_kind,"
      + " t.mode_column, t.rows_read, t.rows_written, t.rows_rejected, t.bytes_read, t.bytes_written, t.started_at_ns,"
      + " t.duration_ns, t.watermark_before_type, t.watermark_before_text, t.watermark_after_type,"
      + " t.watermark_after_text, t.error_code, t.error_message";

  private Map<String, List<TableResult>> tableResults(Connection c, List<String> runIds) throws SQLException {
    Map<String, List<TableResult>> out = new LinkedHashMap<>();
    for (int from = 0; from < runIds.size(); from += IN_CHUNK) {
      List<String> chunk = runIds.subList(from, Math.min(runIds.size(), from + IN_CHUNK));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement s = c.prepareStatement("SELECT t.run_id, " + TABLE_COLUMNS + " FROM " + tables
          + " t WHERE t.run_id IN (" + marks + ") ORDER BY t.run_id, t.table_index")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(tableResult(rs, 2));
          }
        }
      }
    }
    return out;
  }

  private static TableResult tableResult(ResultSet rs, int first) throws SQLException {
    int i = first;
    TableResult.Builder b = TableResult.builder(rs.getString(i++)).destinationTable(rs.getString(i++))
        .status(TableStatus.valueOf(rs.getString(i++)));
    String kind = rs.getString(i++);
    String column = rs.getString(i++);
    b.mode(CopyMode.Kind.valueOf(kind) == CopyMode.Kind.INCREMENTAL ? CopyMode.incremental(column) : CopyMode.full());
    b.rowsRead(rs.getLong(i++)).rowsWritten(rs.getLong(i++)).rowsRejected(rs.getLong(i++))
        .bytesRead(rs.getLong(i++)).bytesWritten(rs.getLong(i++)).startedAt(instant(rs.getLong(i++)))
        .duration(Duration.ofNanos(rs.getLong(i++)));
    Watermark before = watermark(rs.getString(i++), rs.getString(i++));
    Watermark after = watermark(rs.getString(i++), rs.getString(i++));
    b.watermarkBefore(before).watermarkAfter(after);
    String code = rs.getString(i++);
    String message = rs.getString(i);
    if (code != null || message != null) {
      b.error(code == null ? null : ErrorCode.valueOf(code), message);
    }
    return b.build();
  }

  private static Watermark watermark(String type, String text) {
    return type == null ? null : Watermark.parse(LogicalType.parse(type), text);
  }

  static String namespace(String sourceTable) {
    try {
      return DatasetId.parse(sourceTable).namespace().orElse("");
    } catch (RuntimeException e) {
      int dot = sourceTable.lastIndexOf('.');
      return dot < 0 ? "" : sourceTable.substring(0, dot);
    }
  }

  private static LocalDateTime utc(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static long nanos(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  private static void setNullable(PreparedStatement s, int index, String value) throws SQLException {
    if (value == null) {
      s.setNull(index, Types.VARCHAR);
    } else {
      s.setString(index, value);
    }
  }

  private static boolean isDuplicate(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (x.getSQLState() != null && x.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  // ---- tables and their version ----

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (!ready) {
      try {
        prepare(c);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  private synchronized void prepare(Connection c) throws SQLException {
    if (ready) {
      return;
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(true);
    try {
      Dialect d = Dialect.of(c);
      create(c, versions, "CREATE TABLE " + versions + " (component " + d.str(100) + " NOT NULL, version INT NOT NULL,"
          + " updated_at " + d.timestamp + " NOT NULL, PRIMARY KEY (component))");
      int version = version(c);
      if (version > SCHEMA_VERSION) {
        throw CopyJobException.builder(ErrorCode.STORE_ERROR, "the run history tables " + prefix + "* have layout "
            + "version " + version + ", newer than this copyjob knows (" + SCHEMA_VERSION + "): upgrade copyjob")
            .build();
      }
      if (create(c, runs, "CREATE TABLE " + runs + " (run_id " + d.str(100) + " NOT NULL, job_name " + d.str(200)
          + " NOT NULL, status " + d.str(30) + " NOT NULL, started_at " + d.timestamp + " NOT NULL, finished_at "
          + d.timestamp + " NOT NULL, started_at_ns BIGINT NOT NULL, finished_at_ns BIGINT NOT NULL, rows_read BIGINT"
          + " NOT NULL, rows_written BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, error_text " + d.text + ","
          + " PRIMARY KEY (run_id))")) {
        index(c, "CREATE INDEX " + simple(runs) + "_job ON " + runs + " (job_name, started_at_ns)");
      }
      if (create(c, tables, "CREATE TABLE " + tables + " (run_id " + d.str(100) + " NOT NULL, table_index INT NOT"
          + " NULL, job_name " + d.str(200) + " NOT NULL, source_table " + d.str(400) + " NOT NULL, source_namespace "
          + d.str(400) + " NOT NULL, destination_table " + d.str(400) + " NOT NULL, status " + d.str(30) + " NOT NULL,"
          + " mode_kind " + d.str(20) + " NOT NULL, mode_column " + d.str(400) + ", rows_read BIGINT NOT NULL,"
          + " rows_written BIGINT NOT NULL, rows_rejected BIGINT NOT NULL, bytes_read BIGINT NOT NULL, bytes_written"
          + " BIGINT NOT NULL, started_at " + d.timestamp + " NOT NULL, started_at_ns BIGINT NOT NULL, duration_ns"
          + " BIGINT NOT NULL, watermark_before_type " + d.str(60) + ", watermark_before_text " + d.str(400) + ","
          + " watermark_after_type " + d.str(60) + ", watermark_after_text " + d.str(400) + ", error_code "
          + d.str(60) + ", error_message " + d.text + ", PRIMARY KEY (run_id, table_index))")) {
        index(c, "CREATE INDEX " + simple(tables) + "_table ON " + tables + " (job_name, source_table)");
      }
      if (version == 0) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + versions
            + " (component, version, updated_at) VALUES (?, ?, ?)")) {
          s.setString(1, COMPONENT);
          s.setInt(2, SCHEMA_VERSION);
          s.setObject(3, utc(Instant.now()));
          s.executeUpdate();
        } catch (SQLException e) {
          if (!isDuplicate(e)) {
            throw e;
          }
        }
      }
      // Later layouts migrate here, from version() up to SCHEMA_VERSION, one step at a time.
      ready = true;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private int version(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT version FROM " + versions + " WHERE component = ?")) {
      s.setString(1, COMPONENT);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  /** Creates a table unless it exists; true when this call created it. Another process may race us. */
  private static boolean create(Connection c, String table, String ddl) throws SQLException {
    if (exists(c, table)) {
      return false;
    }
    try (Statement s = c.createStatement()) {
      s.execute(ddl);
      return true;
    } catch (SQLException e) {
      if (exists(c, table)) {
        return false;
      }
      throw e;
    }
  }

  private static void index(Connection c, String ddl) {
    try (Statement s = c.createStatement()) {
      s.execute(ddl);
    } catch (SQLException e) {
      LOG.warn("cannot create a run history index ({}): {}", ddl, e.getMessage());
    }
  }

  private static String simple(String table) {
    return table.substring(table.indexOf('.') + 1);
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
    String name = simple(table);
    for (String candidate : new String[] {name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = c.getMetaData().getTables(null, schema, candidate, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private CopyJobException failure(String action, String job, SQLException e) {
    return CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot " + action + " in the run history " + runs + ": "
        + e.getMessage()).job(job).cause(e).build();
  }

  @Override
  public String toString() {
    return "JdbcRunHistoryStore{" + prefix + "*}";
  }
}
