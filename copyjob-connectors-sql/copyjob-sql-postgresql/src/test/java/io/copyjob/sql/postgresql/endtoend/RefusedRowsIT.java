package io.copyjob.sql.postgresql.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.testkit.RecordingRejectsLog;
import io.copyjob.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rows the destination table refuses (CHECK, UNIQUE, NOT NULL) are rejected one by one when the job allows it;
 * beyond the limit nothing is written.
 */
class RefusedRowsIT {
  private final TestDatabase source = new TestDatabase("refused_src");
  private final TestDatabase target = new TestDatabase("refused_dst");

  /** 20,000 source rows: 5 with a negative quantity, 2 repeating a code, 1 without a code. */
  private void tables() {
    source.exec("CREATE TABLE items (id int PRIMARY KEY, code text, qty int)",
        "INSERT INTO items SELECT g, 'c' || g, g % 50 FROM generate_series(1, 20000) g",
        "UPDATE items SET qty = -1 WHERE id IN (17, 4096, 4097, 12000, 19999)",
        "UPDATE items SET code = 'c100' WHERE id IN (8000, 15000)",
        "UPDATE items SET code = NULL WHERE id = 9000");
    target.exec("CREATE TABLE items (id int PRIMARY KEY, code text NOT NULL UNIQUE,"
            + " qty int CONSTRAINT qty_not_negative CHECK (qty >= 0))",
        "INSERT INTO items VALUES (-1, 'already here', 1)");
  }

  private CopyJob.Builder job(RejectPolicy policy) {
    return CopyJob.builder().name("refused").source(source.spec()).destination(target.spec()).batchRows(4096)
        .table("public.items", t -> t.rejects(policy));
  }

  @Test
  void refusedRowsAreRejectedByKeyAndTheRestIsWritten() {
    tables();
    RecordingRejectsLog log = new RecordingRejectsLog();
    TableResult t = job(RejectPolicy.maxRows(10).loggedTo(log)).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsRejected()).isEqualTo(8);
    assertThat(t.rowsWritten()).isEqualTo(19_992);
    assertThat(t.rowsRead()).isEqualTo(20_000);
    assertThat(target.count("SELECT count(*) FROM items")).isEqualTo(19_993);
    assertThat(target.count("SELECT count(*) FROM items WHERE id IN (17, 4096, 4097, 12000, 19999, 9000)")).isZero();
    // Of two rows with one code the first written stays; which one that is depends on the batch order.
    assertThat(target.count("SELECT count(*) FROM items WHERE code = 'c100'")).isEqualTo(1);
    assertThat(log.rows).extracting(r -> r.rowKey().orElseThrow()).contains("id=17", "id=4096", "id=4097",
        "id=12000", "id=19999", "id=9000").hasSize(8);
    assertThat(log.rows).filteredOn(r -> r.rowKey().orElseThrow().equals("id=4097")).first()
        .satisfies(r -> {
          assertThat(r.reason()).contains("qty_not_negative");
          assertThat(r.values()).contains(List.of("4097", "c4097", "-1"));
        });
    assertThat(log.rows).filteredOn(r -> r.rowKey().orElseThrow().equals("id=9000")).first()
        .satisfies(r -> {
          assertThat(r.reason()).contains("null value");
          assertThat(r.column()).contains("code");
        });
  }

  @Test
  void oneRefusedRowBeyondTheLimitLeavesTheTableAsItWas() {
    tables();
    TableResult t = job(RejectPolicy.maxRows(7)).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(target.rows("SELECT id, code FROM items")).containsExactly(List.of("-1", "already here"));
  }
}
