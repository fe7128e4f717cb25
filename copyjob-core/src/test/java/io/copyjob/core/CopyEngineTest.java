package io.copyjob.core;

import static io.copyjob.core.EngineFixture.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.CopyListener;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.RunStatus;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CopyEngineTest {

  private CopyJob.Builder job(EngineFixture f, String... sinkOptions) {
    return CopyJob.builder().name("test-" + f.source)
        .source(MemoryConnectorProvider.spec(f.source, "splitRows", "250"))
        .destination(MemoryConnectorProvider.spec(f.destination, sinkOptions));
  }

  @Test
  void fullCopyWithParallelSplitsCopiesEveryRowExactlyOnce() {
    EngineFixture f = new EngineFixture(10_000);
    RunResult run = job(f).table("sales.orders").parallelism(4).batchRows(100).build().run();

    assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    TableResult t = run.table("sales.orders").orElseThrow();
    assertThat(t.rowsRead()).isEqualTo(10_000);
    assertThat(t.rowsWritten()).isEqualTo(10_000);
    List<List<Object>> rows = f.dst().rows(ORDERS);
    Set<Object> ids = new HashSet<>();
    rows.forEach(r -> ids.add(r.get(0)));
    assertThat(ids).hasSize(10_000);
    assertThat(rows).filteredOn(r -> r.get(0).equals(1234L)).singleElement()
        .isEqualTo(List.of(1234L, "customer 1234", new BigDecimal("1234.01"), EngineFixture.T0.plusSeconds(1234)));
  }

  @Test
  void selectsRenamesAndConvertsColumns() {
    EngineFixture f = new EngineFixture(3);
    RunResult run = job(f).table("sales.orders", t -> t.columns("id", "amount").renameTo("dw.orders_copy")
        .renameColumn("amount", "total").convert("amount", LogicalType.string())).build().run().throwIfFailed();

    assertThat(run.tables().get(0).destinationTable()).isEqualTo("dw.orders_copy");
    DatasetId target = DatasetId.of("dw", "orders_copy");
    assertThat(f.dst().describe(target).orElseThrow().schema().names()).containsExactly("id", "total");
    assertThat(f.dst().rows(target)).containsExactlyInAnyOrder(List.of(1L, "1.01"), List.of(2L, "2.01"),
        List.of(3L, "3.01"));
  }

  @Test
  void patternsExpandAndNamedTablesWin() {
    EngineFixture f = new EngineFixture(2);
    f.src().createTable(DatasetId.of("sales", "returns"), EngineFixture.SCHEMA, List.of("id"));
    f.src().createTable(DatasetId.of("hr", "people"), EngineFixture.SCHEMA, List.of("id"));
    RunResult run = job(f).table("sales.*").table("sales.orders", t -> t.columns("id")).build().run();

    assertThat(run.tables()).extracting(TableResult::sourceTable).containsExactly("sales.orders", "sales.returns");
    assertThat(f.dst().describe(ORDERS).orElseThrow().schema().names()).containsExactly("id");
  }

  @Test
  void missingTableFailsThatTableAndListsTheTables() {
    EngineFixture f = new EngineFixture(2);
    RunResult run = job(f).table("sales.orders").table("sales.nope").build().run();

    assertThat(run.status()).isEqualTo(RunStatus.PARTIALLY_SUCCEEDED);
    TableResult missing = run.table("sales.nope").orElseThrow();
    assertThat(missing.errorCode()).contains(ErrorCode.TABLE_NOT_FOUND);
    assertThat(missing.error().orElseThrow()).contains("job test-", "sales.nope", "sales.orders");
    assertThatThrownBy(run::throwIfFailed).isInstanceOf(CopyJobException.class).hasMessageContaining("sales.nope");
  }

  @Test
  void missingColumnNamesTableAndColumnAndWhatExists() {
    EngineFixture f = new EngineFixture(2);
    TableResult t = job(f).table("sales.orders", s -> s.columns("id", "colour")).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).contains(ErrorCode.COLUMN_NOT_FOUND);
    assertThat(t.error().orElseThrow()).contains("table sales.orders", "column colour", "[id, customer, amount, updated_at]");
  }

  @Test
  void impossibleConversionIsRejectedBeforeReading() {
    EngineFixture f = new EngineFixture(2);
    TableResult t = job(f).table("sales.orders", s -> s.convert("updated_at", LogicalType.bool())).build().run()
        .tables().get(0);
    assertThat(t.errorCode()).contains(ErrorCode.UNSUPPORTED_CONVERSION);
    assertThat(t.error().orElseThrow()).contains("column updated_at", "TIMESTAMP(6)", "BOOLEAN");
    assertThat(f.dst().exists(ORDERS)).isFalse();
  }

  @Test
  void failedValueConversionNamesColumnAndRowKeyAndLeavesDestinationAlone() {
    EngineFixture f = new EngineFixture(100);
    f.src().update(ORDERS, 57L, "customer", "not a number");
    f.src().update(ORDERS, 1L, "customer", "42");
    f.src().update(ORDERS, 2L, "customer", null);
    // Only row 57 fails: every other customer is made numeric.
    for (long i = 3; i <= 100; i++) {
      if (i != 57) {
        f.src().update(ORDERS, i, "customer", String.valueOf(i));
      }
    }
    TableResult t = job(f).table("sales.orders", s -> s.convert("customer", LogicalType.int32())).build().run()
        .tables().get(0);

    assertThat(t.errorCode()).contains(ErrorCode.CONVERSION_FAILED);
    assertThat(t.error().orElseThrow()).contains("column customer", "row id=57", "'not a number'", "INT32");
    assertThat(f.dst().exists(ORDERS)).isFalse();
  }

  @Test
  void failureMidWriteLeavesDestinationAsItWasAndRedactsSecrets() {
    EngineFixture f = new EngineFixture(5_000);
    MemoryStore.named(f.destination).createTable(ORDERS, EngineFixture.SCHEMA, List.of("id"));
    MemoryStore.named(f.destination).insert(ORDERS, 0L, "existing", BigDecimal.ONE, EngineFixture.T0);

    RunResult run = job(f, "failAfterRows", "2500", "password", "hunter2-secret").table("sales.orders")
        .parallelism(3).build().run();

    TableResult t = run.tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.rowsWritten()).isZero();
    assertThat(t.error().orElseThrow()).contains("write failed").doesNotContain("hunter2-secret").contains("****");
    assertThat(f.dst().rows(ORDERS)).containsExactly(List.of(0L, "existing", BigDecimal.ONE, EngineFixture.T0));
  }

  @Test
  void theFailureStackTraceLoggedAtDebugIsScrubbedToo() {
    EngineFixture f = new EngineFixture(10);
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      job(f, "failOnCommit", "true", "password", "hunter2-debug").table("sales.orders").build().run();
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).contains("DEBUG").contains("CopyJobException").contains("commit failed")
        .contains("at io.copyjob.").doesNotContain("hunter2-debug");
  }

  @Test
  void failedCommitIsReportedAndNothingLands() {
    EngineFixture f = new EngineFixture(10);
    TableResult t = job(f, "failOnCommit", "true").table("sales.orders").build().run().tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(f.dst().exists(ORDERS)).isFalse();
  }

  @Test
  void aCloseFailureAfterTheCommitDoesNotReportTheCommittedTableAsFailed() {
    EngineFixture f = new EngineFixture(10);
    TableResult t = job(f, "failOnClose", "true").table("sales.orders", s -> s.incremental("updated_at")).build()
        .run().tables().get(0);
    assertThat(f.dst().rows(ORDERS)).hasSize(10);
    assertThat(t.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsWritten()).isEqualTo(10);
    assertThat(t.watermarkAfter()).isPresent();
  }

  @Test
  void upsertAndOverwriteApplyOnCommit() {
    EngineFixture f = new EngineFixture(3);
    job(f).table("sales.orders").build().run().throwIfFailed();
    f.src().update(ORDERS, 2L, "customer", "changed");
    job(f).table("sales.orders", t -> t.upsert()).build().run().throwIfFailed();
    assertThat(f.dst().rows(ORDERS)).hasSize(3).filteredOn(r -> r.get(0).equals(2L))
        .singleElement().satisfies(r -> assertThat(r.get(1)).isEqualTo("changed"));

    job(f).table("sales.orders", t -> t.columns("id", "customer").overwrite()).build().run().throwIfFailed();
    assertThat(f.dst().rows(ORDERS)).hasSize(3);
  }

  @Test
  void listenersSeeTheRunAndAThrowingListenerIsIgnored() {
    EngineFixture f = new EngineFixture(5);
    List<String> events = new CopyOnWriteArrayList<>();
    CopyListener recording = new CopyListener() {
      @Override
      public void onRunStarted(RunStarted e) {
        events.add("run-started");
      }

      @Override
      public void onTableStarted(TableStarted e) {
        events.add("table-started " + e.sourceTable());
      }

      @Override
      public void onTableFinished(TableResult r) {
        events.add("table-finished " + r.rowsWritten());
      }

      @Override
      public void onRunFinished(RunResult r) {
        events.add("run-finished " + r.status());
      }
    };
    CopyListener throwing = new CopyListener() {
      @Override
      public void onTableStarted(TableStarted e) {
        throw new IllegalStateException("listener bug");
      }
    };
    job(f).table("sales.orders").listener(throwing).listener(recording).build().run().throwIfFailed();
    assertThat(events).containsExactly("run-started", "table-started sales.orders", "table-finished 5",
        "run-finished SUCCEEDED");
  }

  @Test
  void runsAreRecordedInTheHistory() {
    EngineFixture f = new EngineFixture(4);
    var history = RunHistoryStores.inMemory();
    CopyJob job = job(f).table("sales.orders").runHistoryStore(history).build();
    RunResult first = job.run();
    RunResult second = job.run();
    assertThat(history.lastRuns(job.name(), 10)).extracting(RunResult::runId)
        .containsExactly(second.runId(), first.runId());
    assertThat(history.lastRuns(job.name(), 10).get(0).rowsWritten()).isEqualTo(4);
  }

  @Test
  void validateChecksTablesColumnsAndKeysWithoutMovingData() {
    EngineFixture f = new EngineFixture(4);
    f.src().createTable(DatasetId.of("sales", "nokey"), EngineFixture.SCHEMA, List.of());
    var report = job(f).table("sales.orders", t -> t.columns("id", "ghost"))
        .table("sales.nokey", t -> t.upsert()).table("sales.missing").build().validate();

    assertThat(report.isValid()).isFalse();
    assertThat(report.problems()).extracting(CopyJobException::code)
        .containsExactlyInAnyOrder(ErrorCode.COLUMN_NOT_FOUND, ErrorCode.NO_UPSERT_KEYS, ErrorCode.TABLE_NOT_FOUND);
    assertThat(f.dst().exists(ORDERS)).isFalse();
    assertThat(job(f).table("sales.orders").build().validate().tables()).containsExactly("sales.orders -> sales.orders");
  }

  @Test
  void genericFormResolvesThroughServiceLoader() {
    EngineFixture f = new EngineFixture(2);
    CopyJob job = CopyJob.builder().name("generic").source("memory", Map.of("store", f.source))
        .destination("memory", Map.of("store", f.destination)).table("sales.orders").build();
    assertThat(job.run().rowsWritten()).isEqualTo(2);
  }
}
