package io.copyjob.core.history;

import io.copyjob.TableResult;
import java.time.Instant;
import java.util.Objects;

/**
 * One table's result in one recorded run, as returned by {@link JdbcRunHistoryStore#tableRuns}.
 *
 * @param runId the run
 * @param runStartedAt when the run started
 * @param result what the run did to the table
 */
public record TableRun(String runId, Instant runStartedAt, TableResult result) {
  public TableRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(runStartedAt, "runStartedAt");
    Objects.requireNonNull(result, "result");
  }
}
