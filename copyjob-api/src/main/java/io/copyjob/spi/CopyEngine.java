package io.copyjob.spi;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.ValidationReport;

/**
 * Runs jobs. Implemented by copyjob-core and found with {@link java.util.ServiceLoader}, so that the API module
 * holds no implementation; connector authors do not implement it.
 */
public interface CopyEngine {

  /** Runs the job once. Never throws for a failed table: failures are in the result. */
  RunResult run(CopyJob job);

  /** Connects to source and destination and checks the job against them without moving data. */
  ValidationReport validate(CopyJob job);

  /**
   * The destination's dataset {@code table} as the job's destination connector describes it, or empty when it
   * does not exist; the connector is opened as a run opens it (secret references resolved, secrets kept out of
   * errors).
   */
  default java.util.Optional<DatasetInfo> describeDestination(CopyJob job, DatasetId table) {
    throw new UnsupportedOperationException("this engine cannot describe destination tables");
  }
}
