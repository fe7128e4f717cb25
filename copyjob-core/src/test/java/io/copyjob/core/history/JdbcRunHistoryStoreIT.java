package io.copyjob.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import io.copyjob.testkit.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Run history in embedded PostgreSQL, filled by real runs of memory-connector jobs. */
class JdbcRunHistoryStoreIT {
  static final DatasetId ORDERS = DatasetId.of("sales", "orders");
  static final DatasetId RETURNS = DatasetId.of("sales", "returns");
  static final DatasetId PEOPLE = DatasetId.of("hr", "people");
  static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);
  static final Schema SCHEMA = Schema.of(Field.required("id", LogicalType.int64()),
      Field.of("updated_at", LogicalType.timestamp(6)));

  static PGSimpleDataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(PostgresServer.jdbcUrl(database));
    ds.setUser(PostgresServer.USER);
    return ds;
  }

  final String src = MemoryStore.fresh("src");
  final String dst = MemoryStore.fresh("dst");
  long nextId = 1;

  void insert(DatasetId table, int rows) {
    for (int i = 0; i < rows; i++) {
      long id = nextId++;
      MemoryStore.named(src).insert(table, id, T0.plusSeconds(id));
    }
  }

  CopyJob job(JdbcRunHistoryStore store, String... sinkOptions) {
    return CopyJob.builder().name("history-it").source(MemoryConnectorProvider.spec(src))
        .destination(MemoryConnectorProvider.spec(dst, sinkOptions))
        .table("sales.orders", t -> t.incremental("updated_at"))
        .table("sales.returns")
        .table("hr.people", t -> t.incremental("updated_at"))
        .runHistoryStore(store).build();
  }

  @Test
  void recordsRealRunsAndAnswersEveryQuery() throws Exception {
    for (DatasetId t : List.of(ORDERS, RETURNS, PEOPLE)) {
      MemoryStore.named(src).createTable(t, SCHEMA, List.of("id"));
    }
    JdbcRunHistoryStore store = RunHistoryStores.jdbc(dataSource(PostgresServer.newDatabase("history")));
    List<RunResult> recorded = new ArrayList<>();
    insert(ORDERS, 10);
    insert(RETURNS, 3);
    insert(PEOPLE, 5);
    recorded.add(job(store).run());
    insert(ORDERS, 4);
    insert(PEOPLE, 1);
    recorded.add(job(store).run());
    insert(ORDERS, 2);
    recorded.add(job(store, "failOnCommit", "true").run()); // every table fails, nothing committed
    recorded.add(job(store).run());
    assertThat(recorded.get(2).succeeded()).isFalse();
    assertThat(recorded.get(1).table("sales.orders").orElseThrow().watermarkBefore()).isPresent();

    // lastRuns: newest first, equal to what was recorded (watermarks, errors, instants to the nanosecond).
    List<RunResult> last = store.lastRuns("history-it", 10);
    List<String> newestFirst = new ArrayList<>(recorded.stream().map(RunResult::runId).toList());
    java.util.Collections.reverse(newestFirst);
    assertThat(last).extracting(RunResult::runId).containsExactlyElementsOf(newestFirst);
    for (int i = 0; i < recorded.size(); i++) {
      RunResult want = recorded.get(recorded.size() - 1 - i);
      RunResult got = last.get(i);
      assertThat(got.toString()).isEqualTo(want.toString());
      assertThat(got.startedAt()).isEqualTo(want.startedAt());
      assertThat(got.finishedAt()).isEqualTo(want.finishedAt());
      assertThat(got.status()).isEqualTo(want.status());
      for (int t = 0; t < want.tables().size(); t++) {
        TableResult w = want.tables().get(t);
        TableResult g = got.tables().get(t);
        assertThat(g.sourceTable()).isEqualTo(w.sourceTable());
        assertThat(g.destinationTable()).isEqualTo(w.destinationTable());
        assertThat(g.mode()).isEqualTo(w.mode());
        assertThat(g.watermarkBefore()).isEqualTo(w.watermarkBefore());
        assertThat(g.watermarkAfter()).isEqualTo(w.watermarkAfter());
        assertThat(g.errorCode()).isEqualTo(w.errorCode());
        assertThat(g.error()).isEqualTo(w.error());
        assertThat(g.bytesRead()).isEqualTo(w.bytesRead());
        assertThat(g.bytesWritten()).isEqualTo(w.bytesWritten());
        assertThat(g.startedAt()).isEqualTo(w.startedAt());
        assertThat(g.duration()).isEqualTo(w.duration());
      }
    }
    assertThat(last.get(1).tables()).allSatisfy(t -> assertThat(t.errorCode()).isPresent());
    assertThat(store.lastRuns("history-it", 2)).extracting(RunResult::runId)
        .containsExactly(recorded.get(3).runId(), recorded.get(2).runId());
    assertThat(store.lastRuns("nobody", 5)).isEmpty();

    // The runs of one table.
    List<TableRun> orders = store.tableRuns("history-it", "sales.orders", 10);
    assertThat(orders).extracting(TableRun::runId)
        .containsExactlyElementsOf(last.stream().map(RunResult::runId).toList());
    assertThat(orders).extracting(r -> r.result().rowsRead()).containsExactly(2L, 2L, 4L, 10L);
    assertThat(orders.get(0).result().watermarkAfter()).isEqualTo(
        recorded.get(3).table("sales.orders").orElseThrow().watermarkAfter());
    assertThat(orders.get(0).runStartedAt()).isEqualTo(recorded.get(3).startedAt());
    assertThat(store.tableRuns("history-it", "sales.orders", 1)).hasSize(1);

    // Totals per table and per database are the sums of the recorded runs.
    List<TableTotals> perTable = store.tableTotals("history-it");
    assertThat(perTable).extracting(TableTotals::sourceTable).containsExactly("hr.people", "sales.orders",
        "sales.returns");
    for (TableTotals t : perTable) {
      List<TableResult> results = recorded.stream().map(r -> r.table(t.sourceTable()).orElseThrow()).toList();
      assertThat(t.runs()).isEqualTo(results.size());
      assertThat(t.failedRuns()).isEqualTo(results.stream().filter(r -> !r.succeeded()).count());
      assertThat(t.rowsRead()).isEqualTo(results.stream().mapToLong(TableResult::rowsRead).sum());
      assertThat(t.rowsWritten()).isEqualTo(results.stream().mapToLong(TableResult::rowsWritten).sum());
      assertThat(t.rowsRejected()).isEqualTo(results.stream().mapToLong(TableResult::rowsRejected).sum());
      assertThat(t.bytesRead()).isEqualTo(results.stream().mapToLong(TableResult::bytesRead).sum());
      assertThat(t.bytesWritten()).isEqualTo(results.stream().mapToLong(TableResult::bytesWritten).sum());
    }
    assertThat(perTable.get(1).rowsRead()).isEqualTo(18);
    assertThat(perTable.get(1).rowsWritten()).isEqualTo(16); // the failed run wrote nothing
    List<DatabaseTotals> perDatabase = store.databaseTotals("history-it");
    assertThat(perDatabase).extracting(DatabaseTotals::namespace).containsExactly("hr", "sales");
    for (DatabaseTotals d : perDatabase) {
      List<TableResult> results = recorded.stream().flatMap(r -> r.tables().stream())
          .filter(t -> t.sourceTable().startsWith(d.namespace() + ".")).toList();
      assertThat(d.tableRuns()).isEqualTo(results.size());
      assertThat(d.rowsRead()).isEqualTo(results.stream().mapToLong(TableResult::rowsRead).sum());
      assertThat(d.rowsWritten()).isEqualTo(results.stream().mapToLong(TableResult::rowsWritten).sum());
    }
    assertThat(perDatabase.get(1).tables()).isEqualTo(2);
    assertThat(perDatabase.get(1).rowsRead()).isEqualTo(18 + 3 * 4);

    // Recording the same run twice keeps one copy.
    store.record(recorded.get(0));
    assertThat(store.lastRuns("history-it", 10)).hasSize(4);
  }

  @Test
  void tablesAreCreatedOnceByStoresStartingTogetherAndCarryTheirVersion() throws Exception {
    String database = PostgresServer.newDatabase("history_race");
    int stores = 8;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(stores);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < stores; i++) {
        int n = i;
        Callable<Integer> c = () -> {
          JdbcRunHistoryStore store = new JdbcRunHistoryStore(dataSource(database));
          go.await();
          store.record(RunResult.of("race", "run-" + n, java.time.Instant.now(), java.time.Instant.now(),
              List.of(), null));
          return store.lastRuns("race", 100).size();
        };
        done.add(pool.submit(c));
      }
      go.countDown();
      for (Future<Integer> f : done) {
        assertThat(f.get()).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(new JdbcRunHistoryStore(dataSource(database)).lastRuns("race", 100)).hasSize(stores);
    try (Connection c = PostgresServer.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT component, version FROM copyjob_schema_version")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("run_history");
      assertThat(rs.getInt(2)).isEqualTo(JdbcRunHistoryStore.SCHEMA_VERSION);
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void refusesTablesOfANewerLayout() throws Exception {
    String database = PostgresServer.newDatabase("history_newer");
    new JdbcRunHistoryStore(dataSource(database)).lastRuns("j", 1);
    try (Connection c = PostgresServer.connect(database); Statement s = c.createStatement()) {
      s.execute("UPDATE copyjob_schema_version SET version = 99");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JdbcRunHistoryStore(dataSource(database))
        .lastRuns("j", 1)).isInstanceOf(io.copyjob.CopyJobException.class).hasMessageContaining("version 99")
        .satisfies(e -> assertThat(((io.copyjob.CopyJobException) e).code()).isEqualTo(ErrorCode.STORE_ERROR));
  }
}
