package io.copyjob.sql.sqlserver.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.IncrementalConformance;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The conformance suite's {@link IncrementalConformance} on SQL Server (Testcontainers; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerIncrementalIT extends IncrementalConformance {
  @Override
  protected ConformanceDatabase database() {
    return SqlServerConformanceDatabase.INSTANCE;
  }
}
