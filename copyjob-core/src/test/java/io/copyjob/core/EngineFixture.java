package io.copyjob.core;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryStore;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** An {@code orders} table in a fresh memory store, for engine tests. */
final class EngineFixture {
  static final DatasetId ORDERS = DatasetId.of("sales", "orders");
  static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);
  static final Schema SCHEMA = Schema.of(
      Field.required("id", LogicalType.int64()),
      Field.of("customer", LogicalType.string()),
      Field.of("amount", LogicalType.decimal(12, 2)),
      Field.of("updated_at", LogicalType.timestamp(6)));

  final String source = MemoryStore.fresh("src");
  final String destination = MemoryStore.fresh("dst");

  EngineFixture(int rows) {
    MemoryStore s = MemoryStore.named(source);
    s.createTable(ORDERS, SCHEMA, List.of("id"));
    for (long i = 1; i <= rows; i++) {
      s.insert(ORDERS, i, "customer " + i, BigDecimal.valueOf(i * 100 + 1, 2), T0.plusSeconds(i));
    }
  }

  MemoryStore src() {
    return MemoryStore.named(source);
  }

  MemoryStore dst() {
    return MemoryStore.named(destination);
  }
}
