package io.copyjob.core.watermark;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Watermarks in a database table, created on first use with standard SQL that PostgreSQL and SQL Server both
 * accept. Compare-and-set is one conditional UPDATE (or an INSERT guarded by the primary key), so two processes
 * cannot both move a watermark from the same value.
 */
public final class JdbcWatermarkStore implements WatermarkStore {
  /** The table used when none is named. */
  public static final String DEFAULT_TABLE = "copyjob_watermark";

  private final DataSource dataSource;
  private final String table;
  private volatile boolean ready;

  public JdbcWatermarkStore(DataSource dataSource, String table) {
    if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      throw new IllegalArgumentException("watermark table must be a plain [schema.]name: " + table);
    }
    this.dataSource = dataSource;
    this.table = table;
  }

  @Override
  public Optional<Watermark> load(String job, DatasetId dataset) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("SELECT value_type, value_text FROM " + table
            + " WHERE job_name = ? AND table_name = ?")) {
      s.setString(1, job);
      s.setString(2, dataset.toString());
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(Watermark.parse(LogicalType.parse(rs.getString(1)), rs.getString(2)));
      }
    } catch (SQLException e) {
      throw failure("read", job, dataset, e);
    }
  }

  @Override
  public void save(String job, DatasetId dataset, Optional<Watermark> expected, Watermark next) {
    try (Connection c = connection()) {
      int changed;
      if (expected.isEmpty()) {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table
            + " (job_name, table_name, value_type, value_text, updated_at) VALUES (?, ?, ?, ?, ?)")) {
          s.setString(1, job);
          s.setString(2, dataset.toString());
          s.setString(3, next.type().toString());
          s.setString(4, next.toText());
          s.setTimestamp(5, Timestamp.from(Instant.now()));
          changed = s.executeUpdate();
        } catch (SQLException e) {
          if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
            changed = 0;
          } else {
            throw e;
          }
        }
      } else {
        try (PreparedStatement s = c.prepareStatement("UPDATE " + table
            + " SET value_type = ?, value_text = ?, updated_at = ? WHERE job_name = ? AND table_name = ? AND value_text = ?")) {
          s.setString(1, next.type().toString());
          s.setString(2, next.toText());
          s.setTimestamp(3, Timestamp.from(Instant.now()));
          s.setString(4, job);
          s.setString(5, dataset.toString());
          s.setString(6, expected.get().toText());
          changed = s.executeUpdate();
        }
      }
      if (changed != 1) {
        Conflicts.check(job, dataset, expected, load(job, dataset));
        throw CopyJobException.builder(ErrorCode.WATERMARK_CONFLICT, "the watermark was moved by another run")
            .job(job).table(dataset.toString()).build();
      }
    } catch (SQLException e) {
      throw failure("save", job, dataset, e);
    }
  }

  @Override
  public void reset(String job, DatasetId dataset) {
    try (Connection c = connection();
        PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE job_name = ? AND table_name = ?")) {
      s.setString(1, job);
      s.setString(2, dataset.toString());
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure("reset", job, dataset, e);
    }
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (!ready) {
      try {
        createTable(c);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  private synchronized void createTable(Connection c) throws SQLException {
    if (ready) {
      return;
    }
    String schema = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
    String name = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
    if (!exists(c, schema, name)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE " + table + " (job_name VARCHAR(400) NOT NULL, table_name VARCHAR(800) NOT NULL,"
            + " value_type VARCHAR(60) NOT NULL, value_text VARCHAR(400) NOT NULL, updated_at TIMESTAMP NOT NULL,"
            + " PRIMARY KEY (job_name, table_name))");
      } catch (SQLException e) {
        // Another process may have created it in the meantime.
        if (!exists(c, schema, name)) {
          throw e;
        }
      }
    }
    ready = true;
  }

  private static boolean exists(Connection c, String schema, String name) throws SQLException {
    // An unqualified name resolves in the connection's current schema: a table of that name in another schema
    // must not count, or the store would skip the CREATE and then fail on every statement.
    schema = schema == null ? c.getSchema() : schema;
    for (String candidate : new String[] {name, name.toLowerCase(java.util.Locale.ROOT), name.toUpperCase(java.util.Locale.ROOT)}) {
      try (ResultSet rs = c.getMetaData().getTables(null, schema, candidate, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private CopyJobException failure(String action, String job, DatasetId dataset, SQLException e) {
    return CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot " + action + " the watermark in " + table + ": "
        + e.getMessage()).job(job).table(dataset.toString()).cause(e).build();
  }

  @Override
  public String toString() {
    return "JdbcWatermarkStore{" + table + "}";
  }
}
