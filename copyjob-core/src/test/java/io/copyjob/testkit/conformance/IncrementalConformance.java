package io.copyjob.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.TableResult;
import io.copyjob.core.WatermarkStores;
import io.copyjob.spi.WatermarkStore;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incremental copies database to database on a timestamp, a timestamp-with-zone and an integer column: run 1
 * copies everything, run 2 exactly the inserted and updated rows, run 3 nothing; the saved watermark is the
 * largest value copied, to the last fractional digit; rows equal to the saved watermark are neither lost nor
 * copied twice, and a row one smallest step above it is taken by the next run.
 */
public abstract class IncrementalConformance extends ConformanceSuite {
  private static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 12, 0, 0, 123_000_000);

  /** {@code id bigint, status varchar, changed <type>}. */
  private static Map<String, PortableType> columns(PortableType changed) {
    Map<String, PortableType> c = new LinkedHashMap<>();
    c.put("id", PortableType.BIGINT);
    c.put("status", PortableType.VARCHAR);
    c.put("changed", changed);
    return c;
  }

  /**
   * The {@code k}-th value of an incremental column of {@code type}, as an insert literal: {@code BASE} plus k of
   * the database's smallest time steps (1 µs, or 100 ns with 7 digits), or k itself.
   */
  private String value(PortableType type, long k) {
    long stepNanos = database().timestampDigits() >= 7 ? 100 : 1000;
    switch (type) {
      case TIMESTAMP: return NormalForm.timestamp(BASE.plusNanos(k * stepNanos));
      case TIMESTAMP_TZ: return NormalForm.timestamp(BASE.plusNanos(k * stepNanos)) + "+00:00";
      default: return Long.toString(k);
    }
  }

  /** The normal form of {@link #value}. */
  private String normal(PortableType type, long k) {
    return type == PortableType.TIMESTAMP_TZ ? value(type, k).replace("+00:00", "Z") : value(type, k);
  }

  private static List<List<String>> rows(long from, long to, String status, java.util.function.LongFunction<String> changed) {
    List<List<String>> rows = new ArrayList<>();
    for (long i = from; i <= to; i++) {
      rows.add(List.of(Long.toString(i), status, changed.apply(i)));
    }
    return rows;
  }

  private List<List<String>> all(Sandbox sandbox) {
    return sandbox.rows("SELECT id, status, changed FROM " + sandbox.table("orders") + " ORDER BY id");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortableType.class, names = {"TIMESTAMP", "TIMESTAMP_TZ", "BIGINT"})
  void runOneCopiesAllRunTwoExactlyTheChangesRunThreeNothing(PortableType type) {
    Map<String, PortableType> columns = columns(type);
    source.createTable("orders", columns, "PRIMARY KEY (id)");
    source.insert("orders", columns, rows(1, 1000, "new", k -> value(type, k)));
    WatermarkStore marks = WatermarkStores.inMemory();
    CopyJob job = job("conformance-incremental", source.spec(), destination.spec())
        .table(source.table("orders"), t -> t.renameTo(destination.table("orders")).incremental("changed").upsert())
        .watermarkStore(marks).parallelism(2).build();

    TableResult first = job.run().throwIfFailed().tables().get(0);
    assertThat(first.rowsRead()).isEqualTo(1000);
    assertThat(first.rowsWritten()).isEqualTo(1000);
    assertThat(first.watermarkBefore()).isEmpty();
    assertThat(first.watermarkAfter().map(w -> NormalForm.of(w.value()))).contains(normal(type, 1000));
    assertThat(all(destination)).isEqualTo(all(source));

    List<String> changes = new ArrayList<>();
    for (long id = 100; id <= 1000; id += 100) {
      changes.add("UPDATE " + source.table("orders") + " SET status = " + database().literal(PortableType.VARCHAR, "shipped")
          + ", changed = " + database().literal(type, value(type, 2000 + id)) + " WHERE id = " + id);
    }
    source.exec(changes.toArray(String[]::new));
    source.insert("orders", columns, rows(1001, 1005, "late", k -> value(type, 3000 + k)));

    TableResult second = job.run().throwIfFailed().tables().get(0);
    assertThat(second.rowsRead()).isEqualTo(15);
    assertThat(second.rowsWritten()).isEqualTo(15);
    assertThat(second.watermarkBefore()).isEqualTo(first.watermarkAfter());
    assertThat(second.watermarkAfter().map(w -> NormalForm.of(w.value()))).contains(normal(type, 4005));
    assertThat(all(destination)).isEqualTo(all(source));

    TableResult third = job.run().throwIfFailed().tables().get(0);
    assertThat(third.rowsRead()).isZero();
    assertThat(third.rowsWritten()).isZero();
    assertThat(third.watermarkAfter()).isEqualTo(second.watermarkAfter());
    assertThat(all(destination)).isEqualTo(all(source));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = PortableType.class, names = {"TIMESTAMP", "TIMESTAMP_TZ", "BIGINT"})
  void rowsEqualToTheSavedWatermarkAreNeitherLostNorDoubled(PortableType type) {
    Map<String, PortableType> columns = columns(type);
    source.createTable("orders", columns, "PRIMARY KEY (id)");
    source.insert("orders", columns, rows(1, 3, "at-mark", k -> value(type, 7)));
    source.insert("orders", columns, rows(4, 4, "below", k -> value(type, 6)));
    CopyJob job = job("conformance-boundary", source.spec(), destination.spec())
        .table(source.table("orders"), t -> t.renameTo(destination.table("orders")).incremental("changed"))
        .watermarkStore(WatermarkStores.inMemory()).build();

    assertThat(job.run().throwIfFailed().rowsWritten()).as("every row up to and with the maximum").isEqualTo(4);
    assertThat(job.run().throwIfFailed().rowsWritten()).as("rows equal to the watermark are not copied again").isZero();
    source.insert("orders", columns, rows(5, 5, "one-step-above", k -> value(type, 8)));
    TableResult third = job.run().throwIfFailed().tables().get(0);
    assertThat(third.rowsWritten()).as("a row one smallest step above the watermark").isEqualTo(1);

    List<List<String>> expected = new ArrayList<>(rows(1, 3, "at-mark", k -> normal(type, 7)));
    expected.addAll(rows(4, 4, "below", k -> normal(type, 6)));
    expected.addAll(rows(5, 5, "one-step-above", k -> normal(type, 8)));
    assertThat(all(destination)).isEqualTo(expected);
  }
}
