package io.copyjob.core;

import static io.copyjob.core.EngineFixture.ORDERS;
import static io.copyjob.core.EngineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.testkit.MemoryConnectorProvider;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalCopyTest {
  @TempDir
  Path dir;

  private CopyJob job(EngineFixture f, WatermarkStore store, String... sinkOptions) {
    return CopyJob.builder().name("incremental")
        .source(MemoryConnectorProvider.spec(f.source, "splitRows", "100"))
        .destination(MemoryConnectorProvider.spec(f.destination, sinkOptions))
        .table("sales.orders", t -> t.incremental("updated_at").upsert())
        .watermarkStore(store).parallelism(2).build();
  }

  @Test
  void copiesAllThenOnlyChangesThenNothing() {
    EngineFixture f = new EngineFixture(1000);
    WatermarkStore store = WatermarkStores.file(dir);
    CopyJob job = job(f, store);

    TableResult first = job.run().tables().get(0);
    assertThat(first.rowsRead()).isEqualTo(1000);
    assertThat(first.watermarkBefore()).isEmpty();
    assertThat(first.watermarkAfter()).contains(Watermark.of(EngineFixture.SCHEMA.field(3).type(), T0.plusSeconds(1000)));

    // Two updates and one insert, all after the watermark; one of them exactly one microsecond after it.
    f.src().update(ORDERS, 10L, "updated_at", T0.plusSeconds(1000).plusNanos(1000));
    f.src().update(ORDERS, 20L, "updated_at", T0.plusSeconds(2000));
    f.src().update(ORDERS, 20L, "customer", "renamed");
    f.src().insert(ORDERS, 1001L, "new", BigDecimal.TEN, T0.plusSeconds(1500));
    TableResult second = job.run().tables().get(0);
    assertThat(second.rowsRead()).isEqualTo(3);
    assertThat(second.rowsWritten()).isEqualTo(3);
    assertThat(second.watermarkBefore()).isEqualTo(first.watermarkAfter());
    assertThat(second.watermarkAfter().orElseThrow().value()).isEqualTo(T0.plusSeconds(2000));
    assertThat(f.dst().rows(ORDERS)).hasSize(1001).filteredOn(r -> r.get(0).equals(20L)).singleElement()
        .satisfies(r -> assertThat(r.get(1)).isEqualTo("renamed"));

    TableResult third = job.run().tables().get(0);
    assertThat(third.rowsRead()).isZero();
    assertThat(third.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(third.watermarkAfter()).isEqualTo(second.watermarkAfter());
  }

  @Test
  void rowsAtTheWatermarkAreNeitherLostNorDoubled() {
    EngineFixture f = new EngineFixture(10);
    WatermarkStore store = WatermarkStores.inMemory();
    CopyJob job = CopyJob.builder().name("boundary").source(MemoryConnectorProvider.spec(f.source))
        .destination(MemoryConnectorProvider.spec(f.destination))
        .table("sales.orders", t -> t.incremental("updated_at")).watermarkStore(store).build();
    job.run().throwIfFailed();
    LocalDateTime mark = T0.plusSeconds(10);
    // A row with the same value as the watermark arrives after run 1 read: it is not taken (strict >), and a
    // row after it is taken once.
    f.src().insert(ORDERS, 11L, "late, same instant", BigDecimal.ONE, mark);
    f.src().insert(ORDERS, 12L, "after", BigDecimal.ONE, mark.plusNanos(1000));
    TableResult second = job.run().tables().get(0);
    assertThat(second.rowsRead()).isEqualTo(1);
    assertThat(f.dst().rows(ORDERS)).extracting(r -> r.get(0)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L,
        8L, 9L, 10L, 12L);
    assertThat(job.run().tables().get(0).rowsRead()).isZero();
  }

  @Test
  void failedRunLeavesTheWatermarkUnsaved() {
    EngineFixture f = new EngineFixture(500);
    WatermarkStore store = WatermarkStores.file(dir);
    job(f, store).run().throwIfFailed();
    Watermark saved = store.load("incremental", ORDERS).orElseThrow();

    f.src().insert(ORDERS, 501L, "x", BigDecimal.ONE, T0.plusSeconds(9999));
    TableResult failed = job(f, store, "failOnCommit", "true").run().tables().get(0);
    assertThat(failed.status()).isEqualTo(TableStatus.FAILED);
    assertThat(failed.watermarkAfter()).isEmpty();
    assertThat(store.load("incremental", ORDERS)).contains(saved);

    TableResult retried = job(f, store).run().tables().get(0);
    assertThat(retried.rowsWritten()).isEqualTo(1);
    assertThat(f.dst().rows(ORDERS)).hasSize(501);
  }

  @Test
  void integerWatermarks() {
    EngineFixture f = new EngineFixture(50);
    WatermarkStore store = WatermarkStores.inMemory();
    CopyJob job = CopyJob.builder().name("by-id").source(MemoryConnectorProvider.spec(f.source))
        .destination(MemoryConnectorProvider.spec(f.destination)).table("sales.orders", t -> t.incremental("id"))
        .watermarkStore(store).build();
    assertThat(job.run().tables().get(0).watermarkAfter().orElseThrow().value()).isEqualTo(50L);
    f.src().insert(ORDERS, 51L, "n", BigDecimal.ONE, T0);
    assertThat(job.run().tables().get(0).rowsRead()).isEqualTo(1);
    assertThat(f.dst().rows(ORDERS)).hasSize(51);
    assertThat(List.of(store.load("by-id", ORDERS).orElseThrow().toText())).containsExactly("51");
  }
}
