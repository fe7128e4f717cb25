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
}
