package io.copyjob.core.internal;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.ValidationReport;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.core.WatermarkStores;
import io.copyjob.spi.CopyEngine;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.WatermarkStore;

/** The engine behind {@link CopyJob#run()} and {@link CopyJob#validate()}; registered through ServiceLoader. */
public final class DefaultCopyEngine implements CopyEngine {
  /** Used by jobs that name no watermark store: lives as long as the JVM. */
  private static final WatermarkStore DEFAULT_WATERMARKS = WatermarkStores.inMemory();
  /** Used by jobs that name no run history: lives as long as the JVM. */
  private static final RunHistoryStore DEFAULT_HISTORY = RunHistoryStores.inMemory();

  /** The in-memory history that jobs without their own history record into. */
  public static RunHistoryStore defaultHistory() {
    return DEFAULT_HISTORY;
  }

  @Override
  public RunResult run(CopyJob job) {
    return new JobRun(job, job.watermarkStore().orElse(DEFAULT_WATERMARKS),
        job.runHistoryStore().orElse(DEFAULT_HISTORY)).run();
  }

  @Override
  public ValidationReport validate(CopyJob job) {
    return new JobValidation(job).validate();
  }
}
