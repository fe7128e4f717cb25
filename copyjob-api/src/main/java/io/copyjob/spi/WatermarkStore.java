package io.copyjob.spi;

import java.util.Optional;

/**
 * Keeps the watermark of each incremental table of each job between runs. The engine saves a watermark only
 * after the destination committed the rows it covers; a failed run leaves the previous one in place.
 *
 * <p>Implementations must be safe for use by several threads and, where persistent, by several processes.
 */
public interface WatermarkStore {

  /** The saved watermark of {@code table} in {@code job}, or empty before the first successful run. */
  Optional<Watermark> load(String job, DatasetId table);

  /**
   * Saves {@code next} if the stored watermark still equals {@code expected} (empty: none stored), and fails
   * with {@link io.copyjob.ErrorCode#WATERMARK_CONFLICT} otherwise: another run moved it in between.
   */
  void save(String job, DatasetId table, Optional<Watermark> expected, Watermark next);

  /** Forgets the watermark so that the next run copies everything. */
  void reset(String job, DatasetId table);
}
