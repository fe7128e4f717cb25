package io.copyjob.sql.sqlserver.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.TypeRoundTripConformance;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The conformance suite's {@link TypeRoundTripConformance} on SQL Server (Testcontainers; skipped without Docker). */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerTypeRoundTripIT extends TypeRoundTripConformance {
  @Override
  protected ConformanceDatabase database() {
    return SqlServerConformanceDatabase.INSTANCE;
  }
}
