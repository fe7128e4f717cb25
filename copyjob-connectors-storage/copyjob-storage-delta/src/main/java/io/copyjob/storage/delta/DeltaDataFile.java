package io.copyjob.storage.delta;

import io.delta.kernel.statistics.DataFileStatistics;

/**
 * A data file a writer finished: already in the table's folder under a name no reader looks up, referenced by the
 * table only once the commit adds it.
 *
 * @param path  store path
 * @param size  bytes
 * @param stats its statistics, from the Parquet footer
 */
record DeltaDataFile(String path, long size, DataFileStatistics stats) {
}
