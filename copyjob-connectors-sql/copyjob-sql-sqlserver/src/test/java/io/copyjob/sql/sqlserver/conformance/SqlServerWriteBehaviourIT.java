package io.copyjob.sql.sqlserver.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.WriteBehaviourConformance;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The conformance suite's {@link WriteBehaviourConformance} on SQL Server (Testcontainers; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerWriteBehaviourIT extends WriteBehaviourConformance {
  @Override
  protected ConformanceDatabase database() {
    return SqlServerConformanceDatabase.INSTANCE;
  }
}
