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
