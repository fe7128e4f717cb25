package io.copyjob.core;

import static io.copyjob.core.EngineFixture.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.data.LogicalType;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.RecordingRejectsLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows that cannot be loaded are skipped up to the policy's limit, counted, logged, and never half-committed. */
class RejectedRowsTest {

  /** 1,000 orders whose customer is numeric except rows 7, 300 and 999 (not numbers) and 500 (unreadable). */
  private static EngineFixture fixture() {
    EngineFixture f = new EngineFixture(1000);
    for (long i = 1; i <= 1000; i++) {
      f.src().update(ORDERS, i, "customer", String.valueOf(i));
    }
    f.src().update(ORDERS, 7L, "customer", "seven");
    f.src().update(ORDERS, 300L, "customer", "3OO");
    f.src().update(ORDERS, 999L, "customer", "");
    f.src().update(ORDERS, 500L, "customer", "#unreadable#");
    return f;
  }

  private static CopyJob.Builder job(EngineFixture f, RejectPolicy policy) {
    return CopyJob.builder().name("rejects")
        .source(MemoryConnectorProvider.spec(f.source, "splitRows", "100", "unreadableValue", "#unreadable#"))
        .destination(MemoryConnectorProvider.spec(f.destination))
        .parallelism(3).batchRows(64)
        .table("sales.orders", t -> t.convert("customer", LogicalType.int32()).rejects(policy));
  }

  @Test
  void rowsWithinTheLimitAreSkippedCountedAndLogged() {
    EngineFixture f = fixture();
    RecordingRejectsLog log = new RecordingRejectsLog();
    TableResult t = job(f, RejectPolicy.maxRows(4).loggedTo(log)).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsRejected()).isEqualTo(4);
    assertThat(t.rowsWritten()).isEqualTo(996);
    assertThat(t.rowsRead()).isEqualTo(t.rowsWritten() + t.rowsRejected());
    assertThat(f.dst().rows(ORDERS)).hasSize(996)
        .noneMatch(r -> List.of(7L, 300L, 500L, 999L).contains(r.get(0)));
    assertThat(f.dst().rows(ORDERS)).anyMatch(r -> r.get(0).equals(8L) && r.get(1).equals(8));
    assertThat(log.rows).extracting(r -> r.rowKey().orElse(r.location()))
        .containsExactlyInAnyOrder("id=7", "id=300", "id=999", "memory sales.orders");
    assertThat(log.rows).filteredOn(r -> r.rowKey().equals(java.util.Optional.of("id=7"))).first()
        .satisfies(r -> {
          assertThat(r.column()).contains("customer");
          assertThat(r.reason()).contains("'seven'", "INT32");
          assertThat(r.values().orElseThrow()).startsWith("7", "seven", "7.01");
        });
    assertThat(log.rows).filteredOn(r -> r.rowKey().isEmpty()).first()
        .satisfies(r -> assertThat(new String(r.raw().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("row 500\n"));
    assertThat(log.opened).containsExactly("rejects/sales.orders");
    assertThat(log.closed.get()).isEqualTo(1);
  }

  @Test
  void oneRowBeyondTheLimitFailsTheTableAndCommitsNothingButTheLogIsWritten() {
    EngineFixture f = fixture();
    RecordingRejectsLog log = new RecordingRejectsLog();
    TableResult t = job(f, RejectPolicy.maxRows(3).loggedTo(log)).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(t.error().orElseThrow()).contains("more than 3 rows rejected", "table sales.orders");
    assertThat(t.rowsWritten()).isZero();
    assertThat(f.dst().exists(ORDERS) ? f.dst().rows(ORDERS) : List.of()).isEmpty();
    assertThat(log.rows).hasSize(4);
    assertThat(log.closed.get()).isEqualTo(1);
  }

  @Test
  void zeroRejectsAllowedFailsAtTheFirstBadRowAfterLoggingIt() {
    EngineFixture f = fixture();
    RecordingRejectsLog log = new RecordingRejectsLog();
    TableResult t = job(f, RejectPolicy.maxRows(0).loggedTo(log)).build().run().tables().get(0);

    assertThat(t.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(log.rows).isNotEmpty();
    assertThat(t.rowsRejected()).isEqualTo(log.rows.size());
  }

  @Test
  void aPercentageIsCheckedAgainstAllRowsReadBeforeTheCommit() {
    TableResult within = job(fixture(), RejectPolicy.maxPercent(0.4)).build().run().tables().get(0);
    assertThat(within.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(within.rowsRejected()).isEqualTo(4);

    EngineFixture f = fixture();
    TableResult beyond = job(f, RejectPolicy.maxPercent(0.3)).build().run().tables().get(0);
    assertThat(beyond.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(beyond.error().orElseThrow()).contains("4 of 1000 rows rejected", "0.3%");
    assertThat(f.dst().exists(ORDERS) ? f.dst().rows(ORDERS) : List.of()).isEmpty();
  }

  @Test
  void withoutAPolicyTheFirstUnreadableRowFailsWithBadInput() {
    EngineFixture f = fixture();
    f.src().update(ORDERS, 7L, "customer", "7");
    f.src().update(ORDERS, 300L, "customer", "300");
    f.src().update(ORDERS, 999L, "customer", "999");
    TableResult t = job(f, null).build().run().tables().get(0);
    assertThat(t.errorCode()).contains(ErrorCode.BAD_INPUT);
    assertThat(t.error().orElseThrow()).contains("line 500", "unreadable row");
  }
}
