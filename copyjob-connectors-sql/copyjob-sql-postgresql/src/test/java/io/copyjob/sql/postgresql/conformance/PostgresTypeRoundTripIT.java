package io.copyjob.sql.postgresql.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.TypeRoundTripConformance;

/** The conformance suite's {@link TypeRoundTripConformance} on the embedded PostgreSQL. */
class PostgresTypeRoundTripIT extends TypeRoundTripConformance {
  @Override
  protected ConformanceDatabase database() {
    return PostgresConformanceDatabase.INSTANCE;
  }
}
