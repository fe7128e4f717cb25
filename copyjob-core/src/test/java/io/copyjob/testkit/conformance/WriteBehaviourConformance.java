package io.copyjob.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.WatermarkStores;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full copies database to database through {@code CopyJob.run()} with each write behaviour (append, upsert on
 * the primary key and on explicit keys, the error without either, overwrite), and the all-or-nothing commit: a
 * row refused by a destination constraint in the middle of a large batch leaves the destination exactly as it
 * was and the watermark unsaved. Every test runs once per {@link ConformanceDatabase#sinkVariants() sink variant}.
 */
public abstract class WriteBehaviourConformance extends ConformanceSuite {
  /** {@code id integer, sku varchar, qty integer}. */
  protected static final Map<String, PortableType> ITEMS = items();

  private static Map<String, PortableType> items() {
    Map<String, PortableType> c = new LinkedHashMap<>();
    c.put("id", PortableType.INTEGER);
    c.put("sku", PortableType.VARCHAR);
    c.put("qty", PortableType.INTEGER);
    return c;
  }

  /** Rows {@code (i, 'sku-i', i * factor)} for i in [from, to]. */
  static List<List<String>> items(int from, int to, int factor) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      rows.add(List.of(Integer.toString(i), "sku-" + i, Integer.toString(i * factor)));
    }
    return rows;
  }

  private void sourceItems(int rows) {
    source.createTable("items", ITEMS, "PRIMARY KEY (id)");
    source.insert("items", ITEMS, items(1, rows, 1));
  }

  private List<List<String>> destinationItems() {
    return destination.rows("SELECT id, sku, qty FROM " + destination.table("items") + " ORDER BY id, qty");
  }

  private CopyJob itemsJob(String variant, java.util.function.Consumer<io.copyjob.TableSpec.Builder> settings) {
    return job("conformance-write", source.spec(), destinationSpec(variant)).table(source.table("items"),
        t -> {
          t.renameTo(destination.table("items"));
          settings.accept(t);
        }).build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void appendAddsTheSourceRowsOnEveryRunAndKeepsWhatWasThere(String variant) {
    sourceItems(1000);
    destination.createTable("items", ITEMS);
    destination.insert("items", ITEMS, items(0, 0, 1));
    CopyJob job = itemsJob(variant, t -> t.append());

    assertThat(job.run().throwIfFailed().tables().get(0).rowsWritten()).isEqualTo(1000);
    assertThat(job.run().throwIfFailed().tables().get(0).rowsWritten()).isEqualTo(1000);

    List<List<String>> expected = new ArrayList<>(items(0, 0, 1));
    for (List<String> row : items(1, 1000, 1)) {
      expected.add(row);
      expected.add(row);
    }
    assertThat(destinationItems()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void aParallelCopyIntoAnAbsentTableWritesEveryRowExactlyOnce(String variant) {
    sourceItems(20_000);

    TableResult result = job("conformance-parallel", source.spec(), destinationSpec(variant))
        .table(source.table("items"), t -> t.renameTo(destination.table("items"))).parallelism(4).batchRows(1000)
        .build().run().throwIfFailed().tables().get(0);

    assertThat(result.rowsRead()).isEqualTo(20_000);
    assertThat(result.rowsWritten()).isEqualTo(20_000);
    assertThat(destinationItems()).isEqualTo(items(1, 20_000, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void upsertWithoutKeysUsesThePrimaryKeyUpdatingMatchesAndInsertingTheRest(String variant) {
    sourceItems(1000);
    destination.createTable("items", ITEMS, "PRIMARY KEY (id)", "UNIQUE (sku)");
    destination.insert("items", ITEMS, List.of(List.of("1", "sku-1", "-1"), List.of("5000", "sku-5000", "5000")));
    CopyJob job = itemsJob(variant, t -> t.upsert());

    TableResult first = job.run().throwIfFailed().tables().get(0);
    assertThat(first.rowsWritten()).isEqualTo(1000);
    List<List<String>> expected = new ArrayList<>(items(1, 1000, 1));
    expected.add(List.of("5000", "sku-5000", "5000"));
    assertThat(destinationItems()).isEqualTo(expected);

    source.exec("UPDATE " + source.table("items") + " SET qty = qty * 10 WHERE id <= 10");
    job.run().throwIfFailed();
    List<List<String>> updated = new ArrayList<>(items(1, 10, 10));
    updated.addAll(items(11, 1000, 1));
    updated.add(List.of("5000", "sku-5000", "5000"));
    assertThat(destinationItems()).isEqualTo(updated);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void upsertOnExplicitKeysMatchesOnThoseColumns(String variant) {
    sourceItems(1000);
    // No primary key; rows of the same sku under other ids: only a match on sku updates them.
    destination.createTable("items", ITEMS, "UNIQUE (sku)");
    destination.insert("items", ITEMS, List.of(List.of("9001", "sku-1", "-1"), List.of("9002", "sku-2", "-2"),
        List.of("9999", "sku-x", "0")));
    CopyJob job = itemsJob(variant, t -> t.upsert("sku"));

    job.run().throwIfFailed();
    List<List<String>> expected = new ArrayList<>(items(1, 1000, 1));
    expected.add(List.of("9999", "sku-x", "0"));
    assertThat(destinationItems()).isEqualTo(expected);

    job.run().throwIfFailed();
    assertThat(destinationItems()).as("a second upsert of the same rows changes nothing").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void upsertWithoutKeysOnATableWithoutPrimaryKeyFailsWithNoUpsertKeys(String variant) {
    sourceItems(10);
    destination.createTable("items", ITEMS);
    destination.insert("items", ITEMS, items(0, 0, 1));

    TableResult result = itemsJob(variant, t -> t.upsert()).run().tables().get(0);

    assertThat(result.status()).isEqualTo(TableStatus.FAILED);
    assertThat(result.errorCode()).contains(ErrorCode.NO_UPSERT_KEYS);
    assertThat(result.error().orElseThrow()).contains("items").containsIgnoringCase("primary key");
    assertThat(destinationItems()).isEqualTo(items(0, 0, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void overwriteReplacesEveryRow(String variant) {
    sourceItems(10);
    destination.createTable("items", ITEMS, "PRIMARY KEY (id)");
    destination.insert("items", ITEMS, items(5, 50, -1));

    itemsJob(variant, t -> t.overwrite()).run().throwIfFailed();

    assertThat(destinationItems()).isEqualTo(items(1, 10, 1));
  }

  /**
   * 100,000 rows from the {@code memory} connector, of which row 50,000 breaks a CHECK constraint of the
   * destination: with append, overwrite and upsert, read by four splits at once so that other writers have
   * rows staged when one fails, the run fails with ROW_REJECTED naming the table, the destination keeps exactly
   * its one earlier row, and the incremental watermark stays unsaved.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sinkVariants")
  void aConstraintViolatedByRow50000Of100000LeavesTheDestinationExactlyAsBefore(String variant) {
    String store = MemoryStore.fresh("conformance-atomic");
    DatasetId events = DatasetId.of("mem", "events");
    MemoryStore.named(store).createTable(events, Schema.of(Field.required("id", LogicalType.int64()),
        Field.required("ts", LogicalType.timestamp(6)), Field.of("v", LogicalType.int32())), List.of("id"));
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
    for (long i = 1; i <= 100_000; i++) {
      MemoryStore.named(store).insert(events, i, start.plusSeconds(i), i == 50_000 ? -1 : (int) i);
    }
    Map<String, PortableType> columns = new LinkedHashMap<>();
    columns.put("id", PortableType.BIGINT);
    columns.put("ts", PortableType.TIMESTAMP);
    columns.put("v", PortableType.INTEGER);
    destination.createTable("events", columns, "PRIMARY KEY (id)", "CHECK (v >= 0)");
    destination.insert("events", columns, List.of(List.of("0", "2000-01-01 00:00:00", "0")));
    List<List<String>> before = destination.rows("SELECT id, ts, v FROM " + destination.table("events"));
    assertThat(before).containsExactly(Arrays.asList("0", "2000-01-01 00:00:00", "0"));

    for (WriteStrategy strategy : List.of(WriteStrategy.append(), WriteStrategy.overwrite(), WriteStrategy.upsert())) {
      WatermarkStore marks = WatermarkStores.inMemory();
      TableResult result = job("conformance-atomic", MemoryConnectorProvider.spec(store), destinationSpec(variant))
          .table("mem.events", t -> t.renameTo(destination.table("events")).incremental("ts").writeStrategy(strategy))
          .watermarkStore(marks).parallelism(4).build().run().tables().get(0);

      assertThat(result.status()).as(strategy.toString()).isEqualTo(TableStatus.FAILED);
      assertThat(result.errorCode()).as(strategy.toString()).contains(ErrorCode.ROW_REJECTED);
      assertThat(result.error().orElseThrow()).as(strategy.toString()).contains("events");
      assertThat(destination.rows("SELECT id, ts, v FROM " + destination.table("events")))
          .as(strategy + ": the destination is exactly as before").isEqualTo(before);
      assertThat(marks.load("conformance-atomic", events)).as(strategy + ": no watermark saved").isEmpty();
    }
  }
}
