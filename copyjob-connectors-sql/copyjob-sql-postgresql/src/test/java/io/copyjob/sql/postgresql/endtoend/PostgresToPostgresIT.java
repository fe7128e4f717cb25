package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.testkit.AllTypesTable;
import io.copyjob.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.WatermarkStores;
import io.copyjob.spi.WatermarkStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Full copies PostgreSQL to PostgreSQL through CopyJob.run(), each write method, asserting on the rows. */
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

  @Test
  void upsertWithThePrimaryKeyWithExplicitKeysAndTheErrorWithoutEither() {
    source.exec("CREATE TABLE items (id int PRIMARY KEY, sku text NOT NULL, qty int)",
        "INSERT INTO items SELECT g, 'sku-' || g, g FROM generate_series(1, 1000) g");
    target.exec("CREATE TABLE items (id int PRIMARY KEY, sku text NOT NULL UNIQUE, qty int)",
        "INSERT INTO items VALUES (1, 'sku-1', -1), (5000, 'sku-5000', 5000)");

    TableResult byPk = job(target.spec()).table("public.items", t -> t.upsert()).build().run().tables().get(0);
    assertThat(byPk.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(byPk.rowsWritten()).isEqualTo(1000);
    assertThat(target.count("SELECT count(*) FROM items")).isEqualTo(1001);
    assertThat(target.rows("SELECT qty FROM items WHERE id = 1")).containsExactly(List.of("1"));

    source.exec("UPDATE items SET qty = qty * 10 WHERE id <= 10");
    // Explicit keys other than the primary key: a unique column.
    job(target.spec()).table("public.items", t -> t.upsert("sku")).build().run().throwIfFailed();
    assertThat(target.rows("SELECT sum(qty) FROM items WHERE id <= 10")).containsExactly(List.of("550"));

    target.exec("CREATE TABLE nokey (id int, v text)");
    source.exec("CREATE TABLE nokey (id int, v text)", "INSERT INTO nokey VALUES (1, 'a')");
    TableResult noKey = job(target.spec()).table("public.nokey", t -> t.upsert()).build().run().tables().get(0);
    assertThat(noKey.errorCode()).contains(ErrorCode.NO_UPSERT_KEYS);
    assertThat(noKey.error().orElseThrow()).contains("nokey").contains("primary key");
    assertThat(target.count("SELECT count(*) FROM nokey")).isZero();
  }

  @Test
  void overwriteReplacesEveryRow() {
    source.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'new' FROM generate_series(1, 10) g");
    target.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'old' FROM generate_series(5, 50) g");
    job(target.spec()).table("public.t", s -> s.overwrite()).build().run().throwIfFailed();
    assertThat(target.rows("SELECT count(*), min(id), max(id), min(v), max(v) FROM t"))
        .containsExactly(List.of("10", "1", "10", "new", "new"));
  }

  @Test
  void aConstraintViolatedByRow50000LeavesTheDestinationExactlyAsBefore() {
    source.exec("CREATE TABLE events (id bigint PRIMARY KEY, ts timestamp NOT NULL, v int)",
        "INSERT INTO events SELECT g, timestamp '2024-01-01' + g * interval '1 second', CASE WHEN g = 50000 THEN -1 ELSE g END"
            + " FROM generate_series(1, 100000) g");
    target.exec("CREATE TABLE events (id bigint PRIMARY KEY, ts timestamp NOT NULL, v int CHECK (v >= 0))",
        "INSERT INTO events VALUES (0, '2000-01-01', 0)");
    WatermarkStore marks = WatermarkStores.inMemory();
    for (String method : List.of("copy", "insert")) {
      TableResult t = job(target.spec().with("writeMethod", method)).table("public.events", s -> s.incremental("ts"))
          .watermarkStore(marks).build().run().tables().get(0);
      assertThat(t.status()).as(method).isEqualTo(TableStatus.FAILED);
      assertThat(t.errorCode()).as(method).contains(ErrorCode.ROW_REJECTED);
      assertThat(t.error().orElseThrow()).as(method).contains("events");
      assertThat(target.rows("SELECT * FROM events")).as(method).containsExactly(List.of("0", "2000-01-01 00:00:00", "0"));
      assertThat(marks.load("p2p", io.copyjob.spi.DatasetId.of("public", "events"))).as(method).isEmpty();
    }
  }
}
