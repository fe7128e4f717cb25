package io.copyjob.sql.postgresql.conformance;

import io.copyjob.testkit.conformance.ConformanceDatabase;
import io.copyjob.testkit.conformance.RefusedRowsConformance;

/** The conformance suite's {@link RefusedRowsConformance} on the embedded PostgreSQL. */
class PostgresRefusedRowsIT extends RefusedRowsConformance {
  @Override
  protected ConformanceDatabase database() {
    return PostgresConformanceDatabase.INSTANCE;
  }
}
