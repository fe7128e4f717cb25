package io.copyjob.core.internal;

import io.copyjob.TableSpec;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.WriteStrategy;
import java.util.List;

/**
 * One source table resolved against the job: what to read, how to shape it, and where to write it.
 *
 * @param spec the job's selection that matched the table
 * @param source the source table as the source describes it
 * @param target the destination table
 * @param readColumns the columns read: the selected ones, then the incremental and key columns not selected
 * @param writeSchema the columns written, with destination names and types
 * @param writeSourceIndex for each written column, its position in {@code readColumns}
 * @param conversions for each written column, the type to convert to, or null to pass it through
 * @param watermarkColumn the incremental column (a source name), or null for a full copy
 * @param watermarkIndex the incremental column's position in {@code readColumns}, or -1
 * @param keyIndexes positions in {@code readColumns} of the source key, to name rows in errors
 * @param strategy the write behaviour, keys in destination names
 * @param targetPrimaryKey the source's primary key in destination names, to declare on tables the sink creates
 */
record TablePlan(TableSpec spec, DatasetInfo source, DatasetId target, Schema readColumns, Schema writeSchema,
    int[] writeSourceIndex, LogicalType[] conversions, String watermarkColumn, int watermarkIndex, int[] keyIndexes,
    WriteStrategy strategy, List<String> targetPrimaryKey) {

  boolean incremental() {
    return watermarkColumn != null;
  }

  LogicalType watermarkType() {
    return readColumns.field(watermarkIndex).type();
  }

  String sourceName() {
    return source.id().toString();
  }
}
