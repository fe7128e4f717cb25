package io.copyjob.core.internal;

import io.copyjob.spi.Redactor;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.CopyListener;
import io.copyjob.ErrorCode;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;

import io.copyjob.spi.Fragment;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one table in one run: load the watermark, open a consistent read, plan splits, stream through the
 * pipeline, commit once, and only then save the new watermark. Any failure before the commit aborts the write,
 * so the destination and the watermark stay as they were.
 */
final class TableCopy {
  private static final Logger LOG = LoggerFactory.getLogger(TableCopy.class);
  private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

  private final CopyJob job;
  private final String runId;
  private final TablePlan plan;
  private final SourceConnector source;
  private final SinkConnector sink;
  private final WatermarkStore watermarks;
  private final Listeners listeners;
  private final Redactor redactor;
  private final AtomicLong lastProgress = new AtomicLong();
  /** Rows read plus rows written in the last progress event: both only grow, so an equal sum means equal counters. */
  private final AtomicLong lastProgressRows = new AtomicLong(-1);

  TableCopy(CopyJob job, String runId, TablePlan plan, SourceConnector source, SinkConnector sink,
      WatermarkStore watermarks, Listeners listeners, Redactor redactor) {
    this.job = job;
    this.runId = runId;
    this.plan = plan;
    this.source = source;
    this.sink = sink;
    this.watermarks = watermarks;
    this.listeners = listeners;
    this.redactor = redactor;
  }

  TableResult run() {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    lastProgress.set(startNanos - PROGRESS_INTERVAL_NANOS); // the first batch reports at once
    String sourceName = plan.sourceName();
    TableResult.Builder result = TableResult.builder(sourceName).destinationTable(plan.target().toString())
        .mode(plan.spec().mode()).startedAt(started);
    listeners.fire(l -> l.onTableStarted(new CopyListener.TableStarted(job.name(), runId, sourceName,
        plan.target().toString())));
    Pipeline pipeline = null;
    RejectTracker rejects = null;
    // Set once the rows are committed and the watermark saved: a failure after that can only come from closing
    // the read or the write, and must not report as failed a table whose destination and watermark moved.
    boolean copied = false;
    try {
      rejects = plan.spec().rejects().map(policy -> new RejectTracker(job.name(), runId, sourceName, policy))
          .orElse(null);
      Optional<Watermark> before = loadWatermark();
      before.ifPresent(result::watermarkBefore);
      ReadRequest request = ReadRequest.builder(job.name(), plan.source()).columns(plan.readColumns())
          .watermarkColumn(plan.watermarkColumn()).lowerExclusive(before.orElse(null))
          .desiredSplits(job.parallelism()).batchRows(job.batchRows())
          .rejects(rejects == null ? null : rejects.atRead()).build();
      WriteRequest write = WriteRequest.of(job.name(), runId, plan.target(), plan.writeSchema(), plan.strategy(),
          plan.targetPrimaryKey(), plan.spec().creation()).withRejects(rejects == null ? null : rejects.afterRead());
      if (plan.incremental()) {
        // The saved watermark identifies the rows: a rerun after a commit whose watermark was never saved reads them again.
        write = write.withBatchId("above:" + before.map(w -> w.type() + " " + w.toText()).orElse("-"));
      }
      try (ReadSession session = source.beginRead(request); WriteTransaction tx = sink.begin(write)) {
        Optional<Watermark> upper = plan.incremental() ? session.upperBound() : Optional.empty();
        List<Split> splits = session.planSplits(upper);
        int readers = Math.max(1, Math.min(job.parallelism(), splits.size()));
        int writers = Math.max(1, Math.min(job.parallelism(), tx.maxWriters()));
        LOG.info("job {} table {} -> {}: {} split(s), {} reader(s), {} writer(s){}", job.name(), sourceName,
            plan.target(), splits.size(), readers, writers,
            plan.incremental() ? ", rows in (" + before.map(Watermark::toText).orElse("-inf") + ", "
                + upper.map(Watermark::toText).orElse("end") + "]" : "");
        pipeline = new Pipeline("copyjob-" + job.name() + "-", readers, writers,
            readers * CopyJob.DEFAULT_QUEUE_BATCHES_PER_READER);
        WatermarkTracker tracker = plan.incremental() && upper.isEmpty()
            ? new WatermarkTracker(plan.watermarkIndex(), plan.watermarkType()) : null;
        BatchShaper shaper = new BatchShaper(job.name(), plan, rejects == null ? null : rejects.afterRead());
        Pipeline p = pipeline;
        List<Fragment> fragments = pipeline.run(session, splits, shaper::shape, tx, batch -> {
          if (tracker != null) {
            tracker.observe(batch);
          }
          progress(p, sourceName, startNanos);
        });
        // A last event with the final counters, however short the table, unless the last one had them already.
        if (pipeline.rowsRead() + pipeline.rowsWritten() != lastProgressRows.get()) {
          fireProgress(pipeline, sourceName, startNanos, System.nanoTime());
        }
        if (rejects != null) {
          rejects.checkShare(pipeline.rowsRead() + rejects.rejectedAtRead());
          rejects.closeBeforeCommit();
        }
        long written = tx.commit(fragments);
        result.rowsWritten(written).bytesWritten(fragments.stream().mapToLong(Fragment::bytes).sum());
        Optional<Watermark> after = upper.isPresent() ? upper : tracker == null ? Optional.empty() : tracker.max();
        if (plan.incremental()) {
          Watermark next = after.orElse(before.orElse(null));
          if (next != null && !next.equals(before.orElse(null))) {
            saveWatermark(before, next);
          }
          result.watermarkAfter(next);
        }
        copied = true;
      }
      result.status(TableStatus.SUCCEEDED);
    } catch (RuntimeException | Error e) {
      CopyJobException error = contextualise(e);
      String message = redactor.scrub(error.getMessage());
      if (copied && e instanceof RuntimeException) {
        LOG.warn("job {} table {}: copied and committed, but closing the read or the write failed: {}", job.name(),
            sourceName, message);
        if (LOG.isDebugEnabled()) {
          LOG.debug("job {} table {} close failure", job.name(), sourceName, ScrubbedThrowable.of(e, redactor));
        }
        result.status(TableStatus.SUCCEEDED);
      } else {
        LOG.warn("job {} table {} failed: {}", job.name(), sourceName, message);
        if (LOG.isDebugEnabled()) {
          LOG.debug("job {} table {} failure", job.name(), sourceName, ScrubbedThrowable.of(e, redactor));
        }
        result.status(TableStatus.FAILED).rowsWritten(0).error(error.code(), message);
      }
    } finally {
      if (rejects != null) {
        rejects.close();
        result.rowsRejected(rejects.rejected());
      }
      if (pipeline != null) {
        // Rows rejected while reading never reached a batch; they were read all the same.
        long rejectedAtRead = rejects == null ? 0 : rejects.rejectedAtRead();
        result.rowsRead(pipeline.rowsRead() + rejectedAtRead).bytesRead(pipeline.bytesRead());
      }
      result.duration(Duration.ofNanos(System.nanoTime() - startNanos));
    }
    TableResult done = result.build();
    LOG.info("job {} table {}: {}", job.name(), sourceName, done);
    listeners.fire(l -> l.onTableFinished(done));
    return done;
  }

  private Optional<Watermark> loadWatermark() {
    if (!plan.incremental()) {
      return Optional.empty();
    }
    Optional<Watermark> saved = watermarks.load(job.name(), plan.source().id());
    if (saved.isPresent() && saved.get().type().id() != plan.watermarkType().id()) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "the saved watermark " + saved.get().toText() + " is a "
          + saved.get().type() + " but the incremental column is " + plan.watermarkType()
          + "; reset the watermark to copy everything again").column(plan.watermarkColumn()).build();
    }
    return saved.map(w -> Watermark.of(plan.watermarkType(), w.value()));
  }

  private void saveWatermark(Optional<Watermark> before, Watermark next) {
    try {
      watermarks.save(job.name(), plan.source().id(), before, next);
    } catch (RuntimeException e) {
      // The rows are committed: say so, so that an append job is not blindly rerun.
      throw CopyJobException.builder(e instanceof CopyJobException c ? c.code() : ErrorCode.STORE_ERROR,
          "the rows were committed but the watermark " + next.toText() + " could not be saved; the next run will "
              + "copy them again: " + e.getMessage()).cause(e).build();
    }
  }

  private void progress(Pipeline pipeline, String sourceName, long startNanos) {
    long now = System.nanoTime();
    long last = lastProgress.get();
    if (now - last >= PROGRESS_INTERVAL_NANOS && lastProgress.compareAndSet(last, now)) {
      fireProgress(pipeline, sourceName, startNanos, now);
    }
  }

  private void fireProgress(Pipeline pipeline, String sourceName, long startNanos, long now) {
    long read = pipeline.rowsRead();
    long written = pipeline.rowsWritten();
    lastProgressRows.set(read + written);
    CopyListener.Progress event = new CopyListener.Progress(job.name(), runId, sourceName, read, written,
        pipeline.bytesRead(), Duration.ofNanos(now - startNanos));
    listeners.fire(l -> l.onProgress(event));
  }

  private CopyJobException contextualise(Throwable e) {
    CopyJobException c = e instanceof CopyJobException cje ? cje
        : CopyJobException.builder(ErrorCode.INTERNAL_ERROR, e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage())).cause(e).build();
    return c.toBuilder().jobIfAbsent(job.name()).tableIfAbsent(plan.sourceName()).build();
  }

}
