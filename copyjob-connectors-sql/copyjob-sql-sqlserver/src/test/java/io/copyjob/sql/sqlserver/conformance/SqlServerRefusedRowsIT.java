package io.copyjob.sql.sqlserver.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.RefusedRowsConformance;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The conformance suite's {@link RefusedRowsConformance} on SQL Server (Testcontainers; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerRefusedRowsIT extends RefusedRowsConformance {
  @Override
  protected ConformanceDatabase database() {
    return SqlServerConformanceDatabase.INSTANCE;
  }
}
