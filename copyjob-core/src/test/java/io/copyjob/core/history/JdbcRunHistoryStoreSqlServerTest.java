package io.copyjob.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.RunResult;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The SQL the run history sends to SQL Server, checked without a server. There is no SQL Server on this machine
 * (no Docker), so a tiny JDBC fake made of {@link Proxy} objects says it is "Microsoft SQL Server", answers every
 * query with no rows and records the SQL text. It checks the dialect's DDL and queries only; that SQL Server
 * accepts them is left to an IT where a server runs (the same store runs against PostgreSQL in
 * {@link JdbcRunHistoryStoreIT}).
 */
class JdbcRunHistoryStoreSqlServerTest {
  final List<String> sql = new ArrayList<>();

  private <T> T fake(Class<T> type, java.lang.reflect.InvocationHandler h) {
    return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, h));
  }

  private ResultSet empty() {
    return fake(ResultSet.class, (p, m, a) -> m.getName().equals("next") ? Boolean.FALSE : null);
  }

  private Connection connection() {
    DatabaseMetaData meta = fake(DatabaseMetaData.class, (p, m, a) -> switch (m.getName()) {
      case "getDatabaseProductName" -> "Microsoft SQL Server";
      case "getTables" -> empty();
      default -> throw new UnsupportedOperationException(m.getName());
    });
    return fake(Connection.class, (p, m, a) -> switch (m.getName()) {
      case "getMetaData" -> meta;
      case "getAutoCommit" -> Boolean.TRUE;
      case "setAutoCommit", "close", "commit", "rollback" -> null;
      case "createStatement" -> fake(Statement.class, (sp, sm, sa) -> {
        if (sm.getName().equals("execute")) {
          sql.add((String) sa[0]);
          return Boolean.FALSE;
        }
        return null;
      });
      case "prepareStatement" -> {
        sql.add((String) a[0]);
        yield fake(PreparedStatement.class, (sp, sm, sa) -> switch (sm.getName()) {
          case "executeQuery" -> empty();
          case "executeUpdate" -> 1;
          case "executeBatch" -> new int[0];
          case "execute" -> Boolean.FALSE;
          default -> null;
        });
      }
      default -> throw new UnsupportedOperationException(m.getName());
    });
  }

  @Test
  void createsVersionedTablesWithSqlServerTypesAndPagesWithOffsetFetch() {
    DataSource ds = fake(DataSource.class, (p, m, a) -> {
      if (m.getName().equals("getConnection")) {
        return connection();
      }
      throw new UnsupportedOperationException(m.getName());
    });
    JdbcRunHistoryStore store = new JdbcRunHistoryStore(ds);
    assertThat(store.lastRuns("j", 5)).isEmpty();
    store.record(RunResult.of("j", "r1", Instant.EPOCH, Instant.EPOCH, List.of(), null));

    assertThat(sql).filteredOn(s -> s.startsWith("CREATE TABLE")).hasSize(3).allSatisfy(s -> {
      assertThat(s).doesNotContain(" TEXT").doesNotContain(" VARCHAR(");
    });
    assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE copyjob_schema_version (component"
        + " NVARCHAR(100) NOT NULL, version INT NOT NULL, updated_at DATETIME2(7) NOT NULL"));
    assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE copyjob_run (run_id NVARCHAR(100)")
        .contains("started_at DATETIME2(7) NOT NULL").contains("error_text NVARCHAR(MAX)"));
    assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("CREATE TABLE copyjob_run_table")
        .contains("error_message NVARCHAR(MAX)").contains("PRIMARY KEY (run_id, table_index)"));
    assertThat(sql).contains("CREATE INDEX copyjob_run_job ON copyjob_run (job_name, started_at_ns)",
        "CREATE INDEX copyjob_run_table_table ON copyjob_run_table (job_name, source_table)",
        "INSERT INTO copyjob_schema_version (component, version, updated_at) VALUES (?, ?, ?)");
    assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("SELECT run_id").endsWith(
        "WHERE job_name = ? ORDER BY started_at_ns DESC, run_id DESC OFFSET 0 ROWS FETCH NEXT ? ROWS ONLY"));
    assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("INSERT INTO copyjob_run (run_id"));
  }
}
