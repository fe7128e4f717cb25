package io.copyjob.core.schedule;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link JobLock} over PostgreSQL session-level advisory locks. {@link #tryAcquire} takes a connection of its own
 * from the data source, calls {@code pg_try_advisory_lock(key)} and keeps the connection open for the run; closing
 * the lease calls {@code pg_advisory_unlock(key)} and closes the connection (a session that ends, for instance
 * because the process died, releases its locks too). The 64-bit key is {@link #key(String)}: the first eight bytes
 * of SHA-256 of {@code "copyjob:" + job}, the same in every JVM and release. Holding the lock, the scheduler
 * records the fire time it runs in table {@code copyjob_schedule_tick} (created on first use), so that a fire time
 * that already ran in another instance is not run again ({@link JobLock.Lease#claim}).
 *
 * <p>The data source must hand out connections to one database of one server (advisory locks are per database),
 * and must not be a transaction-pooling proxy such as PgBouncer in transaction mode, which would move the session.
 */
public final class PostgresJobLock implements JobLock {
  private final DataSource dataSource;
  private final TickClaims claims = new TickClaims("VARCHAR", "TIMESTAMP");

  public PostgresJobLock(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The advisory lock key of {@code job}: stable across JVMs and releases. */
  public static long key(String job) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(("copyjob:" + job).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  @Override
  public Optional<Lease> tryAcquire(String job) {
    long key = key(job);
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      boolean locked;
      try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, key);
        try (ResultSet rs = s.executeQuery()) {
          locked = rs.next() && rs.getBoolean(1);
        }
      }
      if (!locked) {
        c.close();
        return Optional.empty();
      }
      return Optional.of(new ConnectionLease(job, c, conn -> {
        try (PreparedStatement s = conn.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          s.setLong(1, key);
          s.execute();
        }
      }, claims));
    } catch (SQLException e) {
      closeQuietly(c);
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot take the PostgreSQL advisory lock " + key
          + ": " + e.getMessage()).job(job).cause(e).build();
    }
  }

  static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already failing
      }
    }
  }

  @Override
  public String toString() {
    return "PostgresJobLock";
  }
}
