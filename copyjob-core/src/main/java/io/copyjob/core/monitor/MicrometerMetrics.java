package io.copyjob.core.monitor;

import io.copyjob.CopyListener;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Publishes what runs did to a Micrometer {@link MeterRegistry}, as a {@link CopyListener}:
 *
 * <ul>
 *   <li>counters {@code copyjob.rows.read}, {@code copyjob.rows.written}, {@code copyjob.rows.rejected},
 *       {@code copyjob.bytes.read} and {@code copyjob.bytes.written}, tagged {@code job}, {@code table} (the
 *       source table, {@code namespace.name}) and {@code status} (the table's {@code SUCCEEDED} or
 *       {@code FAILED});</li>
 *   <li>timer {@code copyjob.table.duration}, one sample per table copied, tagged {@code job}, {@code table},
 *       {@code status};</li>
 *   <li>timer {@code copyjob.run.duration}, one sample per run, tagged {@code job} and {@code status} (the run's
 *       {@code SUCCEEDED}, {@code PARTIALLY_SUCCEEDED} or {@code FAILED}).</li>
 * </ul>
 *
 * <p>Meters move when a run is done, from its {@link RunResult} (which names the job of each table), so they
 * carry each table's final status and equal the run result exactly; follow a table while it runs through
 * {@link CopyListener#onProgress} or {@link ConsoleProgress}.
 *
 * <p>Micrometer is an optional dependency of copyjob-core: add {@code io.micrometer:micrometer-core} to use this
 * class. No other copyjob class refers to Micrometer, so it is loaded only when this class is used.
 *
 * <pre>{@code
 * CopyJob.builder()...listener(new MicrometerMetrics(registry)).build();
 * }</pre>
 */
public final class MicrometerMetrics implements CopyListener {
  public static final String ROWS_READ = "copyjob.rows.read";
  public static final String ROWS_WRITTEN = "copyjob.rows.written";
  public static final String ROWS_REJECTED = "copyjob.rows.rejected";
  public static final String BYTES_READ = "copyjob.bytes.read";
  public static final String BYTES_WRITTEN = "copyjob.bytes.written";
  public static final String TABLE_DURATION = "copyjob.table.duration";
  public static final String RUN_DURATION = "copyjob.run.duration";

  private final MeterRegistry registry;

  /** A binding that publishes to {@code registry}; pass it to {@code CopyJob.Builder.listener}. */
  public MicrometerMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onRunFinished(RunResult run) {
    for (TableResult t : run.tables()) {
      Tags tags = Tags.of("job", run.jobName(), "table", t.sourceTable(), "status", t.status().name());
      count(ROWS_READ, "Rows read from the source", "rows", tags, t.rowsRead());
      count(ROWS_WRITTEN, "Rows written to the destination", "rows", tags, t.rowsWritten());
      count(ROWS_REJECTED, "Rows left out because they could not be loaded", "rows", tags, t.rowsRejected());
      count(BYTES_READ, "Bytes read from the source store", "bytes", tags, t.bytesRead());
      count(BYTES_WRITTEN, "Bytes written to the destination store", "bytes", tags, t.bytesWritten());
      Timer.builder(TABLE_DURATION).description("Time to copy one table").tags(tags).register(registry)
          .record(t.duration().toNanos(), TimeUnit.NANOSECONDS);
    }
    Timer.builder(RUN_DURATION).description("Time of one run of a job, all tables")
        .tags("job", run.jobName(), "status", run.status().name()).register(registry)
        .record(run.duration().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void count(String name, String description, String unit, Tags tags, long amount) {
    Counter counter = Counter.builder(name).description(description).baseUnit(unit).tags(tags).register(registry);
    counter.increment(amount);
  }
}
