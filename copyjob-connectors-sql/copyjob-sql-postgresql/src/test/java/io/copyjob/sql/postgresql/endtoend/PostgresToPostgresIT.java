package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.testkit.AllTypesTable;
import io.copyjob.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full copies PostgreSQL to PostgreSQL through CopyJob.run() of every type of {@link AllTypesTable} (jsonb, smallint
 * and double precision among them) with each write method. Write behaviours, failure atomicity and the portable
 * types are covered by the conformance suite ({@code ..conformance.Postgres*IT}).
 */
class PostgresToPostgresIT {
  private final TestDatabase source = new TestDatabase("p2p_src");
  private final TestDatabase target = new TestDatabase("p2p_dst");

  private CopyJob.Builder job(ConnectorSpec destination) {
    return CopyJob.builder().name("p2p").source(source.spec()).destination(destination);
  }

  @Test
  void copyCommandCreatesTheTableAndCopiesEveryValue() {
    AllTypesTable.create(source, "public.all_types");
    RunResult run = job(target.spec()).table("public.all_types").build().run().throwIfFailed();

    assertThat(run.tables().get(0).rowsWritten()).isEqualTo(4);
    assertThat(target.rows("SELECT data_type FROM information_schema.columns WHERE table_name = 'all_types' ORDER BY ordinal_position"))
        .extracting(r -> r.get(0)).containsExactly("bigint", "numeric", "timestamp without time zone",
            "timestamp with time zone", "date", "boolean", "bytea", "uuid", "jsonb", "text", "smallint", "double precision");
    assertThat(target.rows("SELECT * FROM all_types ORDER BY id")).isEqualTo(source.rows("SELECT * FROM all_types ORDER BY id"));
    assertThat(target.rows("SELECT numeric_precision, numeric_scale FROM information_schema.columns WHERE column_name = 'amount'"))
        .containsExactly(List.of("38", "9"));
  }

  @Test
  void bulkInsertMethodCopiesEveryValue() {
    AllTypesTable.create(source, "public.all_types");
    job(target.spec().with("writeMethod", "insert").with("insertBatchSize", "3")).table("public.all_types").build()
        .run().throwIfFailed();
    assertThat(target.rows("SELECT * FROM all_types ORDER BY id")).isEqualTo(source.rows("SELECT * FROM all_types ORDER BY id"));
  }
}
