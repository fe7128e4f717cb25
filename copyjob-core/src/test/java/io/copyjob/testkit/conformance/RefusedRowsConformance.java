package io.copyjob.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.testkit.RecordingRejectsLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows the destination table refuses (a CHECK, a UNIQUE constraint, a NOT NULL) are rejected one by one, named by
 * their key, when the job allows rejected rows, and the other rows are written; one refused row beyond the limit
 * leaves the table as it was. Every test runs once per {@link ConformanceDatabase#sinkVariants() sink variant}.
 */
public abstract class RefusedRowsConformance extends ConformanceSuite {
  private static final int ROWS = 20_000;
  private static final Set<Integer> NEGATIVE_QTY = Set.of(17, 4096, 4097, 12_000, 19_999);
  /** Rows repeating row 100's code: the UNIQUE constraint keeps one of the three. */
  private static final Set<Integer> CODE_OF_ROW_100 = Set.of(8000, 15_000);
  private static final int NO_CODE = 9000;

  /** {@value #ROWS} source rows {@code (i, 'c' + i, i % 50)}, 8 of which the destination refuses; see above. */
  private void tables() {
    source.createTable("items", WriteBehaviourConformance.ITEMS, "PRIMARY KEY (id)");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i <= ROWS; i++) {
      String code = i == NO_CODE ? null : CODE_OF_ROW_100.contains(i) ? "c100" : "c" + i;
      rows.add(java.util.Arrays.asList(Integer.toString(i), code, Integer.toString(NEGATIVE_QTY.contains(i) ? -1 : i % 50)));
    }
    source.insert("items", WriteBehaviourConformance.ITEMS, rows);
    ConformanceDatabase db = database();
    destination.exec("CREATE TABLE " + destination.table("items") + " (id " + db.sqlType(PortableType.INTEGER)
        + " PRIMARY KEY, sku " + db.sqlType(PortableType.VARCHAR) + " NOT NULL UNIQUE, qty "
        + db.sqlType(PortableType.INTEGER) + " CONSTRAINT qty_not_negative CHECK (qty >= 0))");
    destination.insert("items", WriteBehaviourConformance.ITEMS, List.of(List.of("-1", "already here", "1")));
  }

  private CopyJob job(String variant, RejectPolicy policy) {
    return job("conformance-refused", source.spec(), destinationSpec(variant)).batchRows(4096)
        .table(source.table("items"), t -> t.renameTo(destination.table("items")).rejects(policy)).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void refusedRowsAreRejectedByKeyAndTheOthersAreWritten(String variant) {
    tables();
    RecordingRejectsLog log = new RecordingRejectsLog();

    TableResult t = job(variant, RejectPolicy.maxRows(10).loggedTo(log)).run().tables().get(0);

    assertThat(t.status()).as(t.error().orElse("")).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsRead()).isEqualTo(ROWS);
    assertThat(t.rowsRejected()).isEqualTo(8);
    assertThat(t.rowsWritten()).isEqualTo(ROWS - 8);
    assertThat(destination.count("items")).isEqualTo(ROWS - 8 + 1);
    assertThat(destination.rows("SELECT count(*) FROM " + destination.table("items")
        + " WHERE id IN (17, 4096, 4097, 12000, 19999, 9000)")).containsExactly(List.of("0"));
    // Of the three rows with code c100 the first written stays; which one that is depends on the batch order.
    assertThat(destination.rows("SELECT count(*) FROM " + destination.table("items") + " WHERE sku = 'c100'"))
        .containsExactly(List.of("1"));
    assertThat(log.rows).hasSize(8).extracting(r -> r.rowKey().orElseThrow())
        .contains("id=17", "id=4096", "id=4097", "id=12000", "id=19999", "id=9000");
    assertThat(log.rows).filteredOn(r -> r.rowKey().orElseThrow().equals("id=4097")).singleElement()
        .satisfies(r -> {
          assertThat(r.reason()).contains("qty_not_negative");
          assertThat(r.values()).contains(List.of("4097", "c4097", "-1"));
        });
    assertThat(log.rows).filteredOn(r -> r.rowKey().orElseThrow().equals("id=9000")).singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("sku"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void oneRefusedRowBeyondTheLimitLeavesTheTableAsItWas(String variant) {
    tables();

    TableResult t = job(variant, RejectPolicy.maxRows(7)).run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(destination.rows("SELECT id, sku, qty FROM " + destination.table("items")))
        .containsExactly(List.of("-1", "already here", "1"));
  }
}
