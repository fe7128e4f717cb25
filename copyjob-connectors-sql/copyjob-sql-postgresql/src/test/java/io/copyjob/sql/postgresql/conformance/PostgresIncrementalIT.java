package io.copyjob.sql.postgresql.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.IncrementalConformance;

/** The conformance suite's {@link IncrementalConformance} on the embedded PostgreSQL. */
class PostgresIncrementalIT extends IncrementalConformance {
  @Override
  protected ConformanceDatabase database() {
    return PostgresConformanceDatabase.INSTANCE;
  }
}
