package io.copyjob.core.monitor;

import io.copyjob.CopyJob;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.time.LocalDateTime;
import java.util.List;

/** Memory stores with {@code sales.orders} (and optionally more tables) of a given size, for monitor tests. */
final class MonitorFixture {
  static final DatasetId ORDERS = DatasetId.of("sales", "orders");
  static final DatasetId RETURNS = DatasetId.of("sales", "returns");
  static final Schema SCHEMA = Schema.of(Field.required("id", LogicalType.int64()),
      Field.of("customer", LogicalType.string()), Field.of("updated_at", LogicalType.timestamp(6)));
  static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);

  final String source = MemoryStore.fresh("monitor-src");
  final String destination = MemoryStore.fresh("monitor-dst");

  MonitorFixture table(DatasetId id, int rows) {
    MemoryStore s = MemoryStore.named(source);
    s.createTable(id, SCHEMA, List.of("id"));
    return add(id, 1, rows);
  }

  MonitorFixture add(DatasetId id, long firstId, int rows) {
    MemoryStore s = MemoryStore.named(source);
    for (long i = firstId; i < firstId + rows; i++) {
      s.insert(id, i, "customer " + i, T0.plusSeconds(i));
    }
    return this;
  }

  CopyJob.Builder job(String name, String... sinkOptions) {
    return CopyJob.builder().name(name).source(MemoryConnectorProvider.spec(source))
        .destination(MemoryConnectorProvider.spec(destination, sinkOptions));
  }
}
