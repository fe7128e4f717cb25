package io.copyjob.core.history;

/**
 * What every recorded run of a job did to the tables of one source database (the namespace of the source tables:
 * a schema, a database, a folder), added up.
 *
 * @param namespace the namespace of the source tables; empty for tables without one
 * @param tables distinct source tables of the namespace that were copied
 * @param tableRuns table results recorded for the namespace (one per table per run)
 * @param rowsRead rows read, over all runs
 * @param rowsWritten rows written, over all runs
 * @param rowsRejected rows rejected, over all runs
 * @param bytesRead bytes read, over all runs
 * @param bytesWritten bytes written, over all runs
 */
public record DatabaseTotals(String namespace, long tables, long tableRuns, long rowsRead, long rowsWritten,
    long rowsRejected, long bytesRead, long bytesWritten) {
}
