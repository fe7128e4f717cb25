package io.copyjob;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What one run of a job did, per table. Immutable. */
public final class RunResult {
  private final String jobName;
  private final String runId;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final List<TableResult> tables;
  private final String error;

  private RunResult(String jobName, String runId, Instant startedAt, Instant finishedAt, List<TableResult> tables,
      String error) {
    this.jobName = Objects.requireNonNull(jobName, "jobName");
    this.runId = Objects.requireNonNull(runId, "runId");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
    this.tables = List.copyOf(tables);
    this.error = error;
  }

  /**
   * A run result. {@code error} is set when the run failed before or beyond any table (the source could not
   * be reached, a pattern matched nothing); it is null otherwise.
   */
  public static RunResult of(String jobName, String runId, Instant startedAt, Instant finishedAt,
      List<TableResult> tables, String error) {
    return new RunResult(jobName, runId, startedAt, finishedAt, tables, error);
  }

  public String jobName() { return jobName; }

  /** Unique id of the run. */
  public String runId() { return runId; }

  public Instant startedAt() { return startedAt; }

  public Instant finishedAt() { return finishedAt; }

  public Duration duration() { return Duration.between(startedAt, finishedAt); }

  /** One result per table, in the order the tables were copied. */
  public List<TableResult> tables() { return tables; }

  /** The result for a source table, by its name as written in results ({@code namespace.name}). */
  public Optional<TableResult> table(String sourceTable) {
    return tables.stream().filter(t -> t.sourceTable().equals(sourceTable)).findFirst();
  }

  /** An error that stopped the run outside any one table. */
  public Optional<String> error() { return Optional.ofNullable(error); }

  public RunStatus status() {
    long ok = tables.stream().filter(TableResult::succeeded).count();
    if (error == null && ok == tables.size()) {
      return RunStatus.SUCCEEDED;
    }
    return ok == 0 ? RunStatus.FAILED : RunStatus.PARTIALLY_SUCCEEDED;
  }

  public boolean succeeded() { return status() == RunStatus.SUCCEEDED; }

  public long rowsRead() { return tables.stream().mapToLong(TableResult::rowsRead).sum(); }

  public long rowsWritten() { return tables.stream().mapToLong(TableResult::rowsWritten).sum(); }

  public long rowsRejected() { return tables.stream().mapToLong(TableResult::rowsRejected).sum(); }

  /**
   * Returns this result when every table succeeded, and otherwise throws a {@link CopyJobException} naming
   * the failed tables and their errors: for callers that treat any failure as fatal.
   */
  public RunResult throwIfFailed() {
    if (succeeded()) {
      return this;
    }
    StringBuilder sb = new StringBuilder("run ").append(runId).append(' ').append(status());
    if (error != null) {
      sb.append(": ").append(error);
    }
    ErrorCode code = ErrorCode.INTERNAL_ERROR;
    for (TableResult t : tables) {
      if (!t.succeeded()) {
        sb.append("; ").append(t.sourceTable()).append(": ").append(t.error().orElse("failed"));
        code = t.errorCode().orElse(code);
      }
    }
    throw CopyJobException.builder(code, sb.toString()).job(jobName).build();
  }

  @Override
  public String toString() {
    return "run " + runId + " of " + jobName + " " + status() + " in " + duration().toMillis() + " ms: " + tables
        + (error == null ? "" : " error: " + error);
  }
}
