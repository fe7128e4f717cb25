package io.copyjob.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL Server lock's calls, checked without a server. There is no SQL Server on this machine (no Docker), so a
 * tiny JDBC fake made of {@link Proxy} objects records what the lock sends: the call text, its parameters, and
 * whether the connection is closed. It checks the SQL text and the call protocol only; whether SQL Server grants
 * and releases the lock as expected is left to an IT where a server runs (the PostgreSQL lock has one here).
 */
class SqlServerJobLockTest {
  /** What the fake saw: one line per executed call, and the closed connections. */
  final List<String> calls = new ArrayList<>();
  int closedConnections;
  int openConnections;
  int acquireResult;

  DataSource dataSource() {
    return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
        (p, m, a) -> {
          if (m.getName().equals("getConnection")) {
            openConnections++;
            return connection();
          }
          if (m.getName().equals("getLogWriter")) {
            return (PrintWriter) null;
          }
          if (m.getName().equals("getParentLogger")) {
            return Logger.getGlobal();
          }
          throw new UnsupportedOperationException(m.getName());
        });
  }

  Connection connection() {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (p, m, a) -> {
          switch (m.getName()) {
            case "getAutoCommit":
              return true;
            case "prepareCall":
              return call((String) a[0]);
            case "getMetaData":
              return Proxy.newProxyInstance(getClass().getClassLoader(),
                  new Class<?>[] {java.sql.DatabaseMetaData.class}, (mp, mm, ma) -> emptyResult());
            case "createStatement":
              return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {java.sql.Statement.class},
                  (sp, sm, sa) -> {
                    if (sm.getName().equals("execute")) {
                      calls.add((String) sa[0]);
                    }
                    return sm.getName().equals("execute") ? Boolean.FALSE : null;
                  });
            case "prepareStatement":
              return Proxy.newProxyInstance(getClass().getClassLoader(),
                  new Class<?>[] {java.sql.PreparedStatement.class}, (sp, sm, sa) -> {
                    switch (sm.getName()) {
                      case "executeQuery":
                        calls.add((String) a[0]);
                        return emptyResult();
                      case "executeUpdate":
                        calls.add((String) a[0]);
                        return 1;
                      default:
                        return null;
                    }
                  });
            case "close":
              closedConnections++;
              return null;
            default:
              throw new UnsupportedOperationException(m.getName());
          }
        });
  }

  java.sql.ResultSet emptyResult() {
    return (java.sql.ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {java.sql.ResultSet.class}, (p, m, a) -> m.getName().equals("next") ? Boolean.FALSE : null);
  }

  CallableStatement call(String sql) {
    Map<Integer, Object> params = new TreeMap<>();
    return (CallableStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {CallableStatement.class}, (p, m, a) -> {
          switch (m.getName()) {
            case "registerOutParameter":
              params.put((Integer) a[0], "OUT:" + ((Integer) a[1] == Types.INTEGER ? "INTEGER" : a[1]));
              return null;
            case "setString":
            case "setInt":
              params.put((Integer) a[0], a[1]);
              return null;
            case "execute":
              calls.add(sql + " " + params.values());
              return false;
            case "getInt":
              return sql.contains("sp_getapplock") ? acquireResult : 0;
            case "close":
              return null;
            default:
              throw new UnsupportedOperationException(m.getName());
          }
        });
  }

  @Test
  void takesASessionLockWithoutWaitingAndReleasesItOnItsOwnConnection() {
    JobLock lock = JobLock.sqlServer(dataSource());
    JobLock.Lease lease = lock.tryAcquire("orders-sync").orElseThrow();
    assertThat(calls).containsExactly(
        "{? = call sp_getapplock(?, ?, ?, ?)} [OUT:INTEGER, copyjob:orders-sync, Exclusive, Session, 0]");
    assertThat(closedConnections).isZero();
    lease.close();
    lease.close();
    assertThat(calls).containsExactly(
        "{? = call sp_getapplock(?, ?, ?, ?)} [OUT:INTEGER, copyjob:orders-sync, Exclusive, Session, 0]",
        "{? = call sp_releaseapplock(?, ?)} [OUT:INTEGER, copyjob:orders-sync, Session]");
    assertThat(closedConnections).isEqualTo(1);
  }

  @Test
  void aLockHeldElsewhereIsEmptyAndErrorsAreStoreErrors() {
    acquireResult = -1; // timed out (LockTimeout 0): held by another session
    assertThat(JobLock.sqlServer(dataSource()).tryAcquire("j")).isEmpty();
    assertThat(closedConnections).isEqualTo(openConnections);
    acquireResult = -999;
    assertThatThrownBy(() -> JobLock.sqlServer(dataSource()).tryAcquire("j")).isInstanceOf(CopyJobException.class)
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.STORE_ERROR))
        .hasMessageContaining("-999");
    assertThat(closedConnections).isEqualTo(openConnections);
  }

  @Test
  void longJobNamesFitTheResourceLimit() {
    String name = "x".repeat(300);
    assertThat(SqlServerJobLock.resource(name)).startsWith("copyjob:#").hasSizeLessThanOrEqualTo(255);
    assertThat(SqlServerJobLock.resource(name)).isEqualTo(SqlServerJobLock.resource(name));
    assertThat(PostgresJobLock.key("orders-sync")).isEqualTo(PostgresJobLock.key("orders-sync"))
        .isNotEqualTo(PostgresJobLock.key("orders-sync2"));
  }

  @Test
  void theHolderRecordsItsFireTimeInANVarcharTable() {
    JobLock.Lease lease = JobLock.sqlServer(dataSource()).tryAcquire("orders-sync").orElseThrow();
    assertThat(lease.claim(java.time.Instant.parse("2026-01-01T00:10:00Z"))).isTrue();
    lease.close();
    assertThat(calls).contains("CREATE TABLE copyjob_schedule_tick (job_name NVARCHAR(200) NOT NULL,"
        + " last_tick_ns BIGINT NOT NULL, claimed_at DATETIME2(7) NOT NULL, PRIMARY KEY (job_name))",
        "SELECT last_tick_ns FROM copyjob_schedule_tick WHERE job_name = ?",
        "INSERT INTO copyjob_schedule_tick (last_tick_ns, claimed_at, job_name) VALUES (?, ?, ?)");
  }
}
