package io.copyjob.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.testkit.PostgresServer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The advisory lock of a job is released even when the unlock fails on a pooled connection. */
class PostgresJobLockIT {
  private static final String DB = PostgresServer.newDatabase("joblock");

  private static PGSimpleDataSource direct() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(PostgresServer.jdbcUrl(DB));
    ds.setUser(PostgresServer.USER);
    return ds;
  }

  @Test
  void aFailedUnlockOnAPooledConnectionStillFreesTheLock() {
    JobLock pooled = new PostgresJobLock(poolWhoseUnlockFails(direct()));
    JobLock other = new PostgresJobLock(direct());

    Optional<JobLock.Lease> lease = pooled.tryAcquire("nightly");
    assertThat(lease).isPresent();
    assertThat(other.tryAcquire("nightly")).isEmpty();
    lease.get().close();

    // A pool keeps the session open on close(); had the lease closed rather than aborted the connection, the
    // session and its lock would live on and the job would never run again.
    Optional<JobLock.Lease> next = other.tryAcquire("nightly");
    assertThat(next).isPresent();
    next.get().close();
  }

  /**
   * Connections as a pool hands them out: close() returns them to the pool (the session lives on), abort() ends
   * the session; the unlock statement fails, as it does on a broken or timed-out connection.
   */
  private static DataSource poolWhoseUnlockFails(DataSource physical) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getConnection")) {
            return invoke(physical, method, args);
          }
          Connection real = physical.getConnection();
          InvocationHandler pooled = (p, m, a) -> {
            switch (m.getName()) {
              case "close":
                return null;
              case "prepareStatement":
                if (String.valueOf(a[0]).contains("unlock")) {
                  throw new SQLException("connection reset");
                }
                return invoke(real, m, a);
              default:
                return invoke(real, m, a);
            }
          };
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, pooled);
        });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
