package io.copyjob;

/**
 * Receives events while a job runs. Every method has an empty default, so a listener implements only what it
 * needs. Called from engine threads: implementations must be thread-safe and quick, and must not throw (an
 * exception from a listener is logged and ignored).
 */
public interface CopyListener {

  /** A run starts. */
  default void onRunStarted(RunStarted event) {
  }

  /** The copy of one table starts. */
  default void onTableStarted(TableStarted event) {
  }

  /** Progress of the table being copied, at most a few times per second. */
  default void onProgress(Progress event) {
  }

  /** One table is done, committed or failed. */
  default void onTableFinished(TableResult result) {
  }

  /** The run is done and recorded. */
  default void onRunFinished(RunResult result) {
  }

  /** A run starts. */
  record RunStarted(String jobName, String runId, java.time.Instant startedAt) {
  }

  /** The copy of one table starts. */
  record TableStarted(String jobName, String runId, String sourceTable, String destinationTable) {
  }

  /** Counters of the table being copied, so far. */
  record Progress(String jobName, String runId, String sourceTable, long rowsRead, long rowsWritten,
      long bytesRead, java.time.Duration elapsed) {
    /** Rows read per second so far. */
    public double rowsPerSecond() {
      double s = elapsed.toNanos() / 1e9;
      return s <= 0 ? 0 : rowsRead / s;
    }
  }
}
