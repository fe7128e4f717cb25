package io.copyjob.core.internal;

import io.copyjob.spi.Redactor;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.ValidationReport;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a job against the live stores without moving data: both connections, every selected table and
 * column, conversions, incremental columns, and the destination's columns and keys.
 */
final class JobValidation {
  private final CopyJob job;
  private final JobRun.ResolvedConnector resolvedSource;
  private final JobRun.ResolvedConnector resolvedDestination;
  private final Redactor redactor;
  private final List<CopyJobException> problems = new ArrayList<>();
  private final List<String> tables = new ArrayList<>();

  JobValidation(CopyJob job) {
    this.job = job;
    this.resolvedSource = JobRun.ResolvedConnector.of(job, job.source(), "source");
    this.resolvedDestination = JobRun.ResolvedConnector.of(job, job.destination(), "destination");
    this.redactor = JobRun.redactorFor(resolvedSource, resolvedDestination);
  }

  ValidationReport validate() {
    ConnectorProvider sourceProvider = ConnectorRegistry.find(job.source().type());
    ConnectorProvider sinkProvider = ConnectorRegistry.find(job.destination().type());
    try (SourceConnector source = sourceProvider.createSource(resolvedSource.options(sourceProvider));
        SinkConnector sink = sinkProvider.createSink(resolvedDestination.options(sinkProvider))) {
      source.checkConnection();
      sink.checkConnection();
      TablePlanner planner = new TablePlanner(job.name());
      for (TableResolver.Resolved r : new TableResolver(job.name(), source).resolve(job.tables())) {
        if (r.error() != null) {
          add(r.error(), r.name());
          continue;
        }
        try {
          TablePlan plan = planner.plan(r.spec(), r.info());
          checkDestination(plan, sink);
          tables.add(plan.sourceName() + " -> " + plan.target());
        } catch (CopyJobException e) {
          add(e, r.name());
        }
      }
    } catch (CopyJobException e) {
      add(e, null);
    } catch (RuntimeException e) {
      add(CopyJobException.builder(ErrorCode.INTERNAL_ERROR, String.valueOf(e)).cause(e).build(), null);
    }
    return ValidationReport.of(tables, problems);
  }

  private void checkDestination(TablePlan plan, SinkConnector sink) {
    Optional<DatasetInfo> existing = sink.describe(plan.target());
    String table = plan.sourceName();
    if (existing.isEmpty()) {
      if (plan.spec().creation() == TableCreation.MUST_EXIST) {
        throw error(ErrorCode.TABLE_NOT_FOUND, table, null, "the destination " + plan.target() + " does not exist");
      }
      if (plan.strategy().kind() == WriteStrategy.Kind.UPSERT && plan.strategy().keys().isEmpty()
          && plan.targetPrimaryKey().isEmpty()) {
        throw error(ErrorCode.NO_UPSERT_KEYS, table, null, "upsert needs keys: the source has no primary key to give"
            + " the new destination " + plan.target() + "; name the keys with upsert(...)");
      }
      return;
    }
    DatasetInfo dest = existing.get();
    for (String column : plan.writeSchema().names()) {
      if (dest.schema().indexOf(column) < 0) {
        throw error(ErrorCode.SCHEMA_MISMATCH, table, column, "the destination " + plan.target()
            + " has no column '" + column + "'; it has " + dest.schema().names());
      }
    }
    if (plan.strategy().kind() == WriteStrategy.Kind.UPSERT) {
      if (plan.strategy().keys().isEmpty() && dest.primaryKey().isEmpty()) {
        throw error(ErrorCode.NO_UPSERT_KEYS, table, null, "the destination " + plan.target()
            + " has no primary key; name the upsert keys with upsert(...)");
      }
    }
  }

  private void add(CopyJobException e, String table) {
    CopyJobException c = e.toBuilder().jobIfAbsent(job.name()).tableIfAbsent(table).build();
    String message = redactor.scrub(c.detail());
    problems.add(c.toBuilder().detail(message).build());
  }

  private CopyJobException error(ErrorCode code, String table, String column, String detail) {
    return CopyJobException.builder(code, detail).job(job.name()).table(table).column(column).build();
  }
}
