package io.copyjob.core.history;

/**
 * What every recorded run of a job did to one source table, added up.
 *
 * @param sourceTable the source table, {@code namespace.name}
 * @param runs the runs that copied (or tried to copy) the table
 * @param failedRuns of those, the runs in which the table failed
 * @param rowsRead rows read, over all runs
 * @param rowsWritten rows written, over all runs
 * @param rowsRejected rows rejected, over all runs
 * @param bytesRead bytes read, over all runs
 * @param bytesWritten bytes written, over all runs
 */
public record TableTotals(String sourceTable, long runs, long failedRuns, long rowsRead, long rowsWritten,
    long rowsRejected, long bytesRead, long bytesWritten) {
}
