package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatermarkStoresTest {
  static final DatasetId T = DatasetId.of("public", "orders");

  @TempDir
  Path dir;

  @Test
  void inMemoryStoreComparesAndSets() {
    exerciseCompareAndSet(WatermarkStores.inMemory());
  }

  @Test
  void fileStoreComparesAndSetsAndKeepsNanoseconds() {
    WatermarkStore store = WatermarkStores.file(dir);
    exerciseCompareAndSet(store);
    Watermark nanos = Watermark.of(LogicalType.timestampTz(9), Instant.parse("2024-02-29T23:59:59.123456789Z"));
    store.save("job/with:odd name", T, Optional.empty(), nanos);
    assertThat(WatermarkStores.file(dir).load("job/with:odd name", T)).contains(nanos);
    Watermark decimal = Watermark.of(LogicalType.decimal(38, 9), new BigDecimal("12345678901234567890.123456789"));
    store.save("dec", T, Optional.empty(), decimal);
    assertThat(((BigDecimal) store.load("dec", T).orElseThrow().value()).toPlainString())
        .isEqualTo("12345678901234567890.123456789");
  }

  @Test
  void twoFileStoresOnOneDirectoryInOneProcessTakeTurnsInsteadOfFailing() throws Exception {
    // Each of 8 threads, half on one store and half on another over the same directory, saves its own table 25
    // times: a process-wide file lock taken twice used to throw OverlappingFileLockException.
    WatermarkStore a = WatermarkStores.file(dir);
    WatermarkStore b = WatermarkStores.file(dir);
    java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      for (int t = 0; t < 8; t++) {
        WatermarkStore store = t % 2 == 0 ? a : b;
        DatasetId table = DatasetId.of("public", "t" + t);
        done.add(pool.submit(() -> {
          Optional<Watermark> last = Optional.empty();
          for (long v = 1; v <= 25; v++) {
            Watermark next = Watermark.of(LogicalType.int64(), v);
            store.save("shared", table, last, next);
            last = Optional.of(next);
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int t = 0; t < 8; t++) {
      assertThat(WatermarkStores.file(dir).load("shared", DatasetId.of("public", "t" + t)))
          .contains(Watermark.of(LogicalType.int64(), 25L));
    }
  }

  @Test
  void aCrashDuringTheWriteLeavesThePreviousStateReadable() throws Exception {
    WatermarkStore store = WatermarkStores.file(dir);
    Watermark first = Watermark.of(LogicalType.int64(), 41L);
    store.save("job", T, Optional.empty(), first);
    // A crash after the temp file was partly written and before the rename: the temp is torn, the real file whole.
    Files.writeString(dir.resolve(".job.json.tmp"), "{\"tables\":{\"public.orders\":{\"ty");
    assertThat(WatermarkStores.file(dir).load("job", T)).contains(first);
    store.save("job", T, Optional.of(first), Watermark.of(LogicalType.int64(), 42L));
    assertThat(WatermarkStores.file(dir).load("job", T).orElseThrow().value()).isEqualTo(42L);
  }

  static void exerciseCompareAndSet(WatermarkStore store) {
    Watermark a = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000));
    Watermark b = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 2, 0, 0));
    assertThat(store.load("job", T)).isEmpty();
    store.save("job", T, Optional.empty(), a);
    assertThat(store.load("job", T)).contains(a);
    assertThatThrownBy(() -> store.save("job", T, Optional.empty(), b))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WATERMARK_CONFLICT));
    store.save("job", T, Optional.of(a), b);
    assertThat(store.load("job", T)).contains(b);
    assertThat(store.load("other-job", T)).isEmpty();
    store.reset("job", T);
    assertThat(store.load("job", T)).isEmpty();
  }
}
