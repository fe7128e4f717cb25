package io.copyjob.core.schedule;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A {@link JobLock} over SQL Server application locks (also Azure SQL and Amazon RDS for SQL Server).
 * {@link #tryAcquire} takes a connection of its own from the data source and calls
 * {@code sp_getapplock @Resource = 'copyjob:<job>', @LockMode = 'Exclusive', @LockOwner = 'Session',
 * @LockTimeout = 0}: granted when it returns 0 or 1, held elsewhere when it returns -1 (timeout). The connection is
 * kept for the run; closing the lease calls {@code sp_releaseapplock} with the same resource and owner, then closes
 * the connection. Fire times run are recorded in {@code copyjob_schedule_tick} as for {@link PostgresJobLock}.
 * Resource names are limited to 255 characters: a longer job name is replaced by
 * {@code copyjob:#<hex of PostgresJobLock.key>}.
 */
public final class SqlServerJobLock implements JobLock {
  static final String ACQUIRE = "{? = call sp_getapplock(?, ?, ?, ?)}";
  static final String RELEASE = "{? = call sp_releaseapplock(?, ?)}";
  private static final int MAX_RESOURCE = 255;

  private final DataSource dataSource;
  private final TickClaims claims = new TickClaims("NVARCHAR", "DATETIME2(7)");

  public SqlServerJobLock(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The application lock resource name of {@code job}. */
  public static String resource(String job) {
    String r = "copyjob:" + job;
    return r.length() <= MAX_RESOURCE ? r : "copyjob:#" + Long.toHexString(PostgresJobLock.key(job));
  }

  @Override
  public Optional<Lease> tryAcquire(String job) {
    String resource = resource(job);
    Connection c = null;
    try {
      c = dataSource.getConnection();
      if (!c.getAutoCommit()) {
        c.setAutoCommit(true);
      }
      int status;
      try (CallableStatement s = c.prepareCall(ACQUIRE)) {
        s.registerOutParameter(1, Types.INTEGER);
        s.setString(2, resource);
        s.setString(3, "Exclusive");
        s.setString(4, "Session");
        s.setInt(5, 0);
        s.execute();
        status = s.getInt(1);
      }
      if (status == -1) {
        c.close();
        return Optional.empty();
      }
      if (status < 0) {
        throw new SQLException("sp_getapplock returned " + status);
      }
      return Optional.of(new ConnectionLease(job, c, conn -> {
        try (CallableStatement s = conn.prepareCall(RELEASE)) {
          s.registerOutParameter(1, Types.INTEGER);
          s.setString(2, resource);
          s.setString(3, "Session");
          s.execute();
        }
      }, claims));
    } catch (SQLException e) {
      PostgresJobLock.closeQuietly(c);
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot take the SQL Server application lock '"
          + resource + "': " + e.getMessage()).job(job).cause(e).build();
    }
  }

  @Override
  public String toString() {
    return "SqlServerJobLock";
  }
}
