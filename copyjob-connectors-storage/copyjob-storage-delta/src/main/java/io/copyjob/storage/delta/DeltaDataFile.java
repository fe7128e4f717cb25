package io.copyjob.storage.delta;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import java.util.Map;

/**
 * A data file a writer finished: already in the table's folder under a name no reader looks up, referenced by the
 * table only once the commit adds it.
 *
 * @param path  store path
 * @param size  bytes
 * @param stats its statistics, from the Parquet footer
 * @param partition its partition values, by column; empty when the table is not partitioned
 * @param partitionText the same as text by physical name, as a reader of the file is given them
 * @param rowOrder for an upsert's files, the arrival number of each row in the run, in file order (rows of a
 *     partitioned table spread over several files); null when not recorded
 */
record DeltaDataFile(String path, long size, DataFileStatistics stats, Map<String, Literal> partition,
    Map<String, String> partitionText, long[] rowOrder) {
}
