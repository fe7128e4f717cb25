package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.WatermarkStores;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * End-to-end runs through {@code CopyJob.run()} against a real SQL Server (Testcontainers) and the embedded
 * PostgreSQL. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerIT {
  private final TestDatabase pg = new TestDatabase("mssql_pg");

  @Test
  void postgresToSqlServerAndBackKeepsEdgeValues() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("rt");
    pg.exec("CREATE TABLE edge (id bigint PRIMARY KEY, ts timestamp(6), tstz timestamptz(6), d date, amount numeric(38,9),"
            + " name text, short varchar(10), bin bytea, uid uuid, ok boolean, small smallint, dbl double precision)",
        "INSERT INTO edge VALUES"
            + " (1, '0001-01-01 00:00:00', '0001-01-01 00:00:00+00', '0001-01-01', -99999999999999999999999999999.999999999,"
            + "  'Größe ]'';\" 表', 'x', '\\x00ff', '00000000-0000-0000-0000-000000000000', true, -32768, 1e308),"
            + " (2, '9999-12-31 23:59:59.999999', '9999-12-31 23:59:59.999999+00', '9999-12-31',"
            + "  99999999999999999999999999999.999999999, '', 'ten chars!', '\\x', 'ffffffff-ffff-ffff-ffff-ffffffffffff',"
            + "  false, 32767, -0.5),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    CopyJob.builder().name("pg-to-mssql").source(pg.spec()).destination(sql.spec()).table("public.edge", t -> t.renameTo("dbo.edge"))
        .build().run().throwIfFailed();
    assertThat(sql.rows("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'edge' ORDER BY ORDINAL_POSITION"))
        .extracting(r -> r.get(0)).containsExactly("bigint", "datetime2", "datetimeoffset", "date", "decimal", "nvarchar",
            "nvarchar", "varbinary", "uniqueidentifier", "bit", "smallint", "float");
    assertThat(sql.rows("SELECT CONVERT(varchar(40), ts, 121), CONVERT(varchar(40), SWITCHOFFSET(tstz, '+00:00'), 121)"
        + " FROM edge WHERE id = 2"))
        .containsExactly(List.of("9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999 +00:00"));

    CopyJob.builder().name("mssql-to-pg").source(sql.spec()).destination(pg.spec())
        .table("dbo.edge", t -> t.renameTo("public.edge_back")).build().run().throwIfFailed();
    assertThat(pg.difference("edge", "edge_back")).isZero();
  }

  @Test
  void sqlServerEdgeValuesSurviveSqlServerToSqlServer() {
    SqlServerTestServer a = SqlServerTestServer.newDatabase("edge_a");
    SqlServerTestServer b = SqlServerTestServer.newDatabase("edge_b");
    a.exec("CREATE TABLE t (id int PRIMARY KEY, ts datetime2(7), tz datetimeoffset(7), tm time(7), m money, g uniqueidentifier,"
            + " tiny tinyint, n nvarchar(max))",
        "INSERT INTO t VALUES (1, '0001-01-01 00:00:00.0000000', '0001-01-01 14:00:00.0000000 +14:00', '00:00:00', -922337203685477.5808,"
            + " NEWID(), 0, N'a]b'),"
            + " (2, '9999-12-31 23:59:59.9999999', '9999-12-31 09:59:59.9999999 -14:00', '23:59:59.9999999', 922337203685477.5807,"
            + " NEWID(), 255, REPLICATE(CAST(N'€' AS nvarchar(max)), 100000)),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
    CopyJob.builder().name("mssql-to-mssql").source(a.spec()).destination(b.spec()).table("dbo.t").build().run().throwIfFailed();
    // the instant is kept (datetimeoffset is written in UTC); every 100 ns tick is kept
    assertThat(b.rows("SELECT id, CONVERT(varchar(40), ts, 121), CONVERT(varchar(40), SWITCHOFFSET(tz, '+00:00'), 121),"
        + " CONVERT(varchar(20), tm, 114), m, tiny, LEN(n) FROM t ORDER BY id"))
        .isEqualTo(a.rows("SELECT id, CONVERT(varchar(40), ts, 121), CONVERT(varchar(40), SWITCHOFFSET(tz, '+00:00'), 121),"
            + " CONVERT(varchar(20), tm, 114), m, tiny, LEN(n) FROM t ORDER BY id"));
    assertThat(b.rows("SELECT CONVERT(varchar(40), ts, 121) FROM t WHERE id = 2")).containsExactly(List.of("9999-12-31 23:59:59.9999999"));
  }

  @Test
  void incrementalOnDatetime2KeepsSevenDigits() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("inc_dt2");
    sql.exec("CREATE TABLE orders (id int PRIMARY KEY, status nvarchar(20), changed datetime2(7) NOT NULL)",
        "INSERT INTO orders SELECT value, 'new', DATEADD(NANOSECOND, value * 100, CAST('2024-01-01' AS datetime2(7))) FROM GENERATE_SERIES(1, 5000)");
    WatermarkStore store = WatermarkStores.inMemory();
    CopyJob job = CopyJob.builder().name("inc-dt2").source(sql.spec()).destination(pg.spec())
        .table("dbo.orders", t -> t.renameTo("public.orders").incremental("changed").upsert()).watermarkStore(store).parallelism(3).build();
    TableResult first = job.run().throwIfFailed().tables().get(0);
    assertThat(first.rowsRead()).isEqualTo(5000);
    assertThat(first.watermarkAfter().orElseThrow().toString()).isEqualTo("2024-01-01T00:00:00.000500");
    // a row 100 ns after the watermark: lost if the watermark were rounded to microseconds
    sql.exec("INSERT INTO orders VALUES (5001, 'late', '2024-01-01T00:00:00.0005001')");
    TableResult second = job.run().throwIfFailed().tables().get(0);
    assertThat(second.rowsRead()).isEqualTo(1);
    assertThat(second.watermarkAfter().orElseThrow().toString()).isEqualTo("2024-01-01T00:00:00.000500100");
    assertThat(job.run().throwIfFailed().tables().get(0).rowsRead()).isZero();
    assertThat(pg.count("SELECT count(*) FROM orders")).isEqualTo(5001);
  }

  @Test
  void incrementalOnRowversionSkipsNothingOfOpenTransactions() throws Exception {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("inc_rv");
    sql.exec("CREATE TABLE t (id int PRIMARY KEY, v nvarchar(20), rv rowversion)",
        "INSERT INTO t (id, v) SELECT value, 'a' FROM GENERATE_SERIES(1, 100)");
    WatermarkStore store = WatermarkStores.inMemory();
    CopyJob job = CopyJob.builder().name("inc-rv").source(sql.spec()).destination(pg.spec())
        .table("dbo.t", t -> t.renameTo("public.t").incremental("rv").upsert()).watermarkStore(store).build();
    assertThat(job.run().throwIfFailed().tables().get(0).rowsRead()).isEqualTo(100);

    try (java.sql.Connection open = sql.connect()) {
      open.setAutoCommit(false);
      try (java.sql.Statement s = open.createStatement()) {
        s.execute("UPDATE t SET v = 'open' WHERE id = 1"); // takes a rowversion, not yet committed
      }
      sql.exec("UPDATE t SET v = 'done' WHERE id = 2"); // a later rowversion, committed first
      TableResult during = job.run().throwIfFailed().tables().get(0);
      assertThat(during.rowsRead()).as("capped below MIN_ACTIVE_ROWVERSION(): the committed later row waits too").isZero();
      open.commit();
    }
    TableResult after = job.run().throwIfFailed().tables().get(0);
    assertThat(after.rowsRead()).isEqualTo(2);
    assertThat(pg.rows("SELECT v FROM t WHERE id IN (1, 2) ORDER BY id")).containsExactly(List.of("open"), List.of("done"));
  }

  @Test
  void upsertByPrimaryKeyByExplicitKeysAndTheErrorWithoutEither() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("upsert");
    pg.exec("CREATE TABLE items (id int PRIMARY KEY, sku text NOT NULL, qty int)",
        "INSERT INTO items SELECT g, 'sku-' || g, g FROM generate_series(1, 1000) g");
    sql.exec("CREATE TABLE items (id int IDENTITY PRIMARY KEY, sku nvarchar(20) NOT NULL UNIQUE, qty int)",
        "SET IDENTITY_INSERT items ON; INSERT INTO items (id, sku, qty) VALUES (1, 'sku-1', -1), (5000, 'sku-5000', 5000)");
    TableResult byPk = CopyJob.builder().name("up").source(pg.spec()).destination(sql.spec())
        .table("public.items", t -> t.renameTo("dbo.items").upsert()).build().run().tables().get(0);
    assertThat(byPk.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(sql.count("SELECT count(*) FROM items")).isEqualTo(1001);
    assertThat(sql.rows("SELECT qty FROM items WHERE id = 1")).containsExactly(List.of("1"));

    pg.exec("UPDATE items SET qty = qty * 10 WHERE id <= 10");
    CopyJob.builder().name("up2").source(pg.spec()).destination(sql.spec())
        .table("public.items", t -> t.renameTo("dbo.items").upsert("sku")).build().run().throwIfFailed();
    assertThat(sql.rows("SELECT sum(qty) FROM items WHERE id <= 10")).containsExactly(List.of("550"));

    pg.exec("CREATE TABLE nokey (id int, v text)", "INSERT INTO nokey VALUES (1, 'a')");
    sql.exec("CREATE TABLE nokey (id int, v nvarchar(10))");
    TableResult noKey = CopyJob.builder().name("up3").source(pg.spec()).destination(sql.spec())
        .table("public.nokey", t -> t.renameTo("dbo.nokey").upsert()).build().run().tables().get(0);
    assertThat(noKey.errorCode()).contains(ErrorCode.NO_UPSERT_KEYS);
    assertThat(sql.count("SELECT count(*) FROM nokey")).isZero();
  }

  /** A key twice in one run: the MERGE keeps the last row that arrived (it failed with error 8672), as PostgreSQL does. */
  @Test
  void upsertOfAKeyWrittenTwiceInOneRunKeepsTheLastRow() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("upsert_dup");
    pg.exec("CREATE TABLE moves (id int PRIMARY KEY, sku text NOT NULL, qty int)",
        "INSERT INTO moves VALUES (1, 'a', 1), (2, 'b', 2), (3, 'a', 3), (4, 'a', 4)");
    sql.exec("CREATE TABLE stock (sku nvarchar(20) PRIMARY KEY, qty int)", "INSERT INTO stock VALUES ('a', 0), ('z', 9)");
    TableResult r = CopyJob.builder().name("dup").source(pg.spec()).destination(sql.spec())
        .table("public.moves", t -> t.renameTo("dbo.stock").columns("sku", "qty").upsert("sku")).build().run()
        .tables().get(0);
    assertThat(r.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(sql.rows("SELECT sku, qty FROM stock ORDER BY sku"))
        .containsExactly(List.of("a", "4"), List.of("b", "2"), List.of("z", "9"));
  }

  @Test
  void overwriteReplacesEveryRowAtomically() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("overwrite");
    pg.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'new' FROM generate_series(1, 10) g");
    sql.exec("CREATE TABLE t (id int PRIMARY KEY, v nvarchar(10))",
        "INSERT INTO t SELECT value, 'old' FROM GENERATE_SERIES(5, 50)");
    CopyJob.builder().name("ow").source(pg.spec()).destination(sql.spec()).table("public.t", t -> t.renameTo("dbo.t").overwrite())
        .build().run().throwIfFailed();
    assertThat(sql.rows("SELECT count(*), min(id), max(id), min(v), max(v) FROM t"))
        .containsExactly(List.of("10", "1", "10", "new", "new"));
  }

  @Test
  void aFailedRunLeavesTheDestinationUnchanged() {
    SqlServerTestServer sql = SqlServerTestServer.newDatabase("failure");
    pg.exec("CREATE TABLE t (id int PRIMARY KEY, v text)",
        "INSERT INTO t SELECT g, CASE WHEN g = 9000 THEN repeat('x', 50) ELSE 'ok' END FROM generate_series(1, 10000) g");
    sql.exec("CREATE TABLE t (id int PRIMARY KEY, v nvarchar(10))", "INSERT INTO t VALUES (-1, 'before')");
    RunResult overwrite = CopyJob.builder().name("fail").source(pg.spec()).destination(sql.spec())
        .table("public.t", t -> t.renameTo("dbo.t").overwrite()).build().run();
    assertThat(overwrite.tables().get(0).status()).isEqualTo(TableStatus.FAILED);
    assertThat(overwrite.tables().get(0).error().orElseThrow()).doesNotContain(SqlServerTestServer.container().getPassword());
    assertThat(sql.rows("SELECT id, v FROM t")).containsExactly(List.of("-1", "before"));
    RunResult append = CopyJob.builder().name("fail2").source(pg.spec()).destination(sql.spec())
        .table("public.t", t -> t.renameTo("dbo.t")).build().run();
    assertThat(append.tables().get(0).status()).isEqualTo(TableStatus.FAILED);
    assertThat(sql.count("SELECT count(*) FROM t")).isEqualTo(1);
  }
}
