package io.copyjob.core.watermark;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Watermarks in a map; thread-safe. */
public final class InMemoryWatermarkStore implements WatermarkStore {
  private final Map<WatermarkKey, Watermark> values = new HashMap<>();

  @Override
  public synchronized Optional<Watermark> load(String job, DatasetId table) {
    return Optional.ofNullable(values.get(WatermarkKey.of(job, table)));
  }

  @Override
  public synchronized void save(String job, DatasetId table, Optional<Watermark> expected, Watermark next) {
    Conflicts.check(job, table, expected, load(job, table));
    values.put(WatermarkKey.of(job, table), next);
  }

  @Override
  public synchronized void reset(String job, DatasetId table) {
    values.remove(WatermarkKey.of(job, table));
  }

  @Override
  public String toString() {
    return "InMemoryWatermarkStore";
  }
}
