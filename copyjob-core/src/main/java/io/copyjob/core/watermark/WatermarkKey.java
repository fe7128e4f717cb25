package io.copyjob.core.watermark;

import io.copyjob.spi.DatasetId;

/** The key a watermark is stored under: job name and source table. */
record WatermarkKey(String job, String table) {
  static WatermarkKey of(String job, DatasetId table) {
    return new WatermarkKey(job, table.toString());
  }
}
