package io.copyjob.sql.postgresql.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.WriteBehaviourConformance;

/** The conformance suite's {@link WriteBehaviourConformance} on the embedded PostgreSQL. */
class PostgresWriteBehaviourIT extends WriteBehaviourConformance {
  @Override
  protected ConformanceDatabase database() {
    return PostgresConformanceDatabase.INSTANCE;
  }
}
