package io.copyjob.core.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The last fire time each job ran at, in table {@code copyjob_schedule_tick} (created on first use), read and
 * written by the holder of the job's lock only, so that a fire time runs in one instance even when the job is
 * quicker than the gap between instances' wake-ups.
 */
final class TickClaims {
  static final String TABLE = "copyjob_schedule_tick";

  private final String varchar;
  private final String timestamp;
  private volatile boolean ready;

  TickClaims(String varchar, String timestamp) {
    this.varchar = varchar;
    this.timestamp = timestamp;
  }

  /** Under the job's lock: true and recorded when {@code tick} is later than the last fire time that ran. */
  boolean claim(Connection c, String job, Instant tick) throws SQLException {
    prepare(c);
    long ns = Math.addExact(Math.multiplyExact(tick.getEpochSecond(), 1_000_000_000L), tick.getNano());
    Long last = null;
    try (PreparedStatement s = c.prepareStatement("SELECT last_tick_ns FROM " + TABLE + " WHERE job_name = ?")) {
      s.setString(1, job);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          last = rs.getLong(1);
        }
      }
    }
    if (last != null && last >= ns) {
      return false;
    }
    String sql = last == null
        ? "INSERT INTO " + TABLE + " (last_tick_ns, claimed_at, job_name) VALUES (?, ?, ?)"
        : "UPDATE " + TABLE + " SET last_tick_ns = ?, claimed_at = ? WHERE job_name = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, ns);
      s.setObject(2, LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
      s.setString(3, job);
      s.executeUpdate();
    }
    return true;
  }

  private void prepare(Connection c) throws SQLException {
    if (ready) {
      return;
    }
    synchronized (this) {
      if (!ready) {
        if (!exists(c)) {
          try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + TABLE + " (job_name " + varchar + "(200) NOT NULL,"
                + " last_tick_ns BIGINT NOT NULL, claimed_at " + timestamp + " NOT NULL, PRIMARY KEY (job_name))");
          } catch (SQLException e) {
            if (!exists(c)) { // another instance may have created it meanwhile
              throw e;
            }
          }
        }
        ready = true;
      }
    }
  }

  private static boolean exists(Connection c) throws SQLException {
    for (String name : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
      try (ResultSet rs = c.getMetaData().getTables(null, null, name, null)) {
        if (rs.next()) {
          return true;
        }
      }
    }
    return false;
  }
}
