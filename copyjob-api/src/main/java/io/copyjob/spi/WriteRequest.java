package io.copyjob.spi;

import io.copyjob.data.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the engine asks a sink to write for one dataset in one run. Immutable. */
public final class WriteRequest {
  private final String jobName;
  private final String runId;
  private final DatasetId target;
  private final Schema schema;
  private final WriteStrategy strategy;
  private final List<String> primaryKey;
  private final TableCreation creation;
  private final RowRejects rejects;
  private final String batchId;

  private WriteRequest(String jobName, String runId, DatasetId target, Schema schema, WriteStrategy strategy,
      List<String> primaryKey, TableCreation creation, RowRejects rejects, String batchId) {
    this.jobName = Objects.requireNonNull(jobName, "jobName");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.target = Objects.requireNonNull(target, "target");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.strategy = Objects.requireNonNull(strategy, "strategy");
    this.primaryKey = List.copyOf(primaryKey);
    this.creation = Objects.requireNonNull(creation, "creation");
    this.rejects = rejects;
    this.batchId = batchId;
  }

  public static WriteRequest of(String jobName, String runId, DatasetId target, Schema schema,
      WriteStrategy strategy, List<String> primaryKey, TableCreation creation) {
    return new WriteRequest(jobName, runId, target, schema, strategy, primaryKey, creation, null, null);
  }

  /** This request, saying which rows it carries (see {@link #batchId()}). */
  public WriteRequest withBatchId(String batchId) {
    return new WriteRequest(jobName, runId, target, schema, strategy, primaryKey, creation, rejects,
        Objects.requireNonNull(batchId, "batchId"));
  }

  /** This request, letting the sink skip rows the destination refuses by handing them to {@code rejects}. */
  public WriteRequest withRejects(RowRejects rejects) {
    return new WriteRequest(jobName, runId, target, schema, strategy, primaryKey, creation, rejects, batchId);
  }

  /**
   * Where a sink hands rows the destination refuses (a constraint, a value too long) when the job allows
   * rejected rows and the sink can tell which row it was; empty: such a row fails the write.
   */
  public java.util.Optional<RowRejects> rejects() { return java.util.Optional.ofNullable(rejects); }

  public String jobName() { return jobName; }

  /** Unique per run; sinks use it to name staging tables and files. */
  public String runId() { return runId; }

  /** The destination dataset. */
  public DatasetId target() { return target; }

  /** The columns batches will have, with destination names, in order. */
  public Schema schema() { return schema; }

  public WriteStrategy strategy() { return strategy; }

  /** The source's primary key under destination names, to declare when the sink creates the dataset. */
  public List<String> primaryKey() { return primaryKey; }

  public TableCreation creation() { return creation; }

  /**
   * Names the rows this write carries so that a sink can tell a rerun of the same rows from new ones: an
   * incremental run reads above the saved watermark, so a run that committed but died before saving it is
   * followed by one with the same batch id. Sinks that can commit idempotently (Delta's transaction identifiers)
   * use it to replace what the earlier attempt committed instead of adding it twice. Empty for full copies, whose
   * runs carry no such identity.
   */
  public Optional<String> batchId() { return Optional.ofNullable(batchId); }
}
