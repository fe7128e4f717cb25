package io.copyjob.core.internal;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.RunResult;
import io.copyjob.ValidationReport;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.core.WatermarkStores;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.CopyEngine;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.Redactor;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.WatermarkStore;
import java.util.Optional;

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

  @Override
  public Optional<DatasetInfo> describeDestination(CopyJob job, DatasetId table) {
    JobRun.ResolvedConnector destination = JobRun.ResolvedConnector.of(job, job.destination(), "destination");
    Redactor redactor = JobRun.redactorFor(destination);
    ConnectorProvider p = ConnectorRegistry.find(job.destination().type());
    try (SinkConnector sink = p.createSink(destination.options(p))) {
      return sink.describe(table);
    } catch (CopyJobException e) {
      // As a run reports it: the job named, resolved secrets masked, the cause (which may quote them) dropped.
      throw CopyJobException.builder(e.code(), redactor.scrub(e.detail())).job(job.name()).table(table.toString())
          .build();
    }
  }
}
