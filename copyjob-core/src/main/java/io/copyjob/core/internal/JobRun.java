package io.copyjob.core.internal;

import io.copyjob.spi.Redactor;
import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.CopyListener;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.definition.SecretReferences;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WatermarkStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One run of a job: open both connectors, resolve and copy each table in turn, record the result. */
final class JobRun {
  private static final Logger LOG = LoggerFactory.getLogger(JobRun.class);
  private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private final CopyJob job;
  private final WatermarkStore watermarks;
  private final RunHistoryStore history;
  private final Listeners listeners;
  private final String runId;
  private final ResolvedConnector source;
  private final ResolvedConnector destination;
  private final Redactor redactor;

  JobRun(CopyJob job, WatermarkStore watermarks, RunHistoryStore history) {
    this.job = job;
    this.watermarks = watermarks;
    this.history = history;
    this.listeners = new Listeners(job.listeners());
    this.runId = RUN_ID_TIME.format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    this.source = ResolvedConnector.of(job, job.source(), "source");
    this.destination = ResolvedConnector.of(job, job.destination(), "destination");
    this.redactor = redactorFor(source, destination);
  }

  /** A redactor of the secret option values after resolution, and of every value a secret reference gave. */
  static Redactor redactorFor(ResolvedConnector... connectors) {
    List<String> secrets = new ArrayList<>();
    for (ResolvedConnector c : connectors) {
      ConnectorProvider p = ConnectorRegistry.find(c.spec().type());
      // An unresolved reference names a secret and is not one: keep it readable in the error that names it.
      c.spec().toOptions(p).secretValues().stream().filter(v -> !SecretReferences.isReference(v)).forEach(secrets::add);
      secrets.addAll(c.secrets());
    }
    return Redactor.of(secrets);
  }

  /**
   * A connector's spec with its {@code ${env:...}} and {@code ${secret:...}} references resolved once, when the
   * run starts; or, when one cannot be resolved, the unresolved spec and the error that opening it throws.
   */
  record ResolvedConnector(ConnectorSpec spec, List<String> secrets, CopyJobException error) {
    static ResolvedConnector of(CopyJob job, ConnectorSpec spec, String role) {
      try {
        SecretReferences.Resolved r = SecretReferences.using(job.secretResolver().orElse(null)).resolve(spec, role);
        return new ResolvedConnector(r.spec(), r.secretValues(), null);
      } catch (CopyJobException e) {
        return new ResolvedConnector(spec, List.of(), e.toBuilder().jobIfAbsent(job.name()).build());
      }
    }

    /** The options to open the connector with; throws the resolution error, if any. */
    ConnectorOptions options(ConnectorProvider p) {
      if (error != null) {
        throw error.toBuilder().build();
      }
      return spec.toOptions(p);
    }

    /** Secrets masked. */
    @Override
    public String toString() {
      return Redactor.of(secrets).scrub(spec.toString());
    }
  }

  RunResult run() {
    Instant started = Instant.now();
    listeners.fire(l -> l.onRunStarted(new CopyListener.RunStarted(job.name(), runId, started)));
    LOG.info("job {} run {} started: {} -> {}", job.name(), runId, job.source().type(), job.destination().type());
    List<TableResult> tables = new ArrayList<>();
    String error = null;
    try (SourceConnector source = openSource(); SinkConnector sink = openSink()) {
      TablePlanner planner = new TablePlanner(job.name());
      for (TableResolver.Resolved r : new TableResolver(job.name(), source).resolve(job.tables())) {
        if (r.error() != null) {
          tables.add(failed(r.name(), r.error()));
          continue;
        }
        TablePlan plan;
        try {
          plan = planner.plan(r.spec(), r.info());
        } catch (CopyJobException e) {
          tables.add(failed(r.name(), e));
          continue;
        }
        tables.add(new TableCopy(job, runId, plan, source, sink, watermarks, listeners, redactor).run());
      }
    } catch (RuntimeException e) {
      CopyJobException c = e instanceof CopyJobException cje ? cje
          : CopyJobException.builder(ErrorCode.INTERNAL_ERROR, String.valueOf(e)).cause(e).build();
      error = redactor.scrub(c.toBuilder().jobIfAbsent(job.name()).build().getMessage());
      LOG.warn("job {} run {} failed: {}", job.name(), runId, error);
      if (LOG.isDebugEnabled()) {
        LOG.debug("job {} run {} failure", job.name(), runId, ScrubbedThrowable.of(e, redactor));
      }
    }
    RunResult result = RunResult.of(job.name(), runId, started, Instant.now(), tables, error);
    try {
      history.record(result);
    } catch (RuntimeException e) {
      LOG.error("job {} run {}: could not record the run in the history: {}", job.name(), runId,
          redactor.scrub(e.getMessage()));
    }
    LOG.info("job {} run {} {}: {} row(s) read, {} written in {} ms", job.name(), runId, result.status(),
        result.rowsRead(), result.rowsWritten(), result.duration().toMillis());
    listeners.fire(l -> l.onRunFinished(result));
    return result;
  }

  private SourceConnector openSource() {
    ConnectorProvider p = ConnectorRegistry.find(job.source().type());
    return p.createSource(source.options(p));
  }

  private SinkConnector openSink() {
    ConnectorProvider p = ConnectorRegistry.find(job.destination().type());
    return p.createSink(destination.options(p));
  }

  private TableResult failed(String table, CopyJobException e) {
    String message = redactor.scrub(e.toBuilder().jobIfAbsent(job.name()).tableIfAbsent(table).build().getMessage());
    LOG.warn("job {} table {} failed: {}", job.name(), table, message);
    TableResult r = TableResult.builder(table).status(TableStatus.FAILED).startedAt(Instant.now())
        .duration(Duration.ZERO).error(e.code(), message).build();
    listeners.fire(l -> l.onTableFinished(r));
    return r;
  }
}
