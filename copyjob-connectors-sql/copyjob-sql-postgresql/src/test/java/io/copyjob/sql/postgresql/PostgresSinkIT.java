package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PostgresSinkIT {
  private final PgTestDb src = new PgTestDb("pg_sink_src");
  private final PgTestDb dst = new PgTestDb("pg_sink_dst");

  private static final String COMPARE_ALL = "SELECT id, amount::text, ts::text, tstz::text, d::text, flag, encode(bin, 'hex'),"
      + " u::text, doc::text, txt, small, dbl::text, i, r::text, vc, ch, js::jsonb::text, tm::text, trim_scale(free)::text FROM all_types ORDER BY id";

  @ParameterizedTest
  @ValueSource(strings = {"copy", "insert"})
  void eachWriteMethodLandsEqualRowsInACreatedTable(String method) {
    AllTypes.create(src, "public.all_types");
    Schema schema = readable(src.describe("public.all_types").schema());
    List<RecordBatch> batches = src.readAll("public.all_types");
    try (SinkConnector sink = dst.sink("writeMethod", method, "insertBatchSize", "2")) {
      long rows = PgTestDb.write(sink, PgTestDb.request("public.all_types", schema, WriteStrategy.append(), List.of("id")), reread(schema));
      assertThat(rows).isEqualTo(3);
    }
    assertThat(dst.rows(COMPARE_ALL)).isEqualTo(src.rows(COMPARE_ALL));
    assertThat(dst.rows("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'all_types'::regclass"
        + " AND attname IN ('amount', 'ts', 'vc') ORDER BY attnum"))
        .containsExactly(List.of("numeric(38,9)"), List.of("timestamp(6) without time zone"), List.of("character varying(10)"));
    assertThat(dst.rows("SELECT count(*) FROM all_types WHERE txt = '' AND vc = ''")).containsExactly(List.of("1"));
    assertThat(dst.rows("SELECT count(*) FROM all_types WHERE txt IS NULL")).containsExactly(List.of("1"));
    assertThat(batches).isNotEmpty();
  }

  /** The columns of all_types that have a logical type of their own (interval, arrays, enums are text). */
  private static Schema readable(Schema full) {
    return Schema.of(full.fields().subList(0, 19));
  }

  private List<RecordBatch> reread(Schema schema) {
    try (var s = src.source()) {
      var info = s.describe(DatasetId.of("all_types")).orElseThrow();
      return PgTestDb.readAll(s, io.copyjob.spi.ReadRequest.builder("t", info).columns(schema).build());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"copy", "insert"})
  void stringsFromTextFilesAreParsedByPostgresIntoTypedColumns(String method) {
    dst.exec("CREATE TYPE mood AS ENUM ('sad', 'happy')", "CREATE TABLE typed (id int PRIMARY KEY, amount numeric(10,2),"
        + " at timestamptz, u uuid, ok boolean, m mood, bin bytea, doc jsonb, note text)");
    Schema csv = Schema.of(Field.of("id", LogicalType.int32()), Field.of("amount", LogicalType.string()),
        Field.of("at", LogicalType.string()), Field.of("u", LogicalType.string()), Field.of("ok", LogicalType.string()),
        Field.of("m", LogicalType.string()), Field.of("bin", LogicalType.string()), Field.of("doc", LogicalType.string()),
        Field.of("note", LogicalType.string()));
    RecordBatch b = RecordBatch.allocate(csv, 3);
    Object[][] rows = {
        {1, "12.50", "2024-01-02 03:04:05.123456+00", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "true", "happy",
            Base64.getEncoder().encodeToString(new byte[] {0, 9, 10, 92}), "{\"k\": \"v\\tw\"}", "tab\there\nnew \\N \\ line"},
        {2, null, null, null, null, null, null, null, ""},
        {3, "-0.01", "1999-12-31 23:59:59+00", "00000000-0000-0000-0000-000000000000", "f", "sad", "", "[]", "\\"}};
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < csv.size(); c++) {
        b.column(c).setObject(r, rows[r][c]);
      }
    }
    b.setRowCount(3);
    try (SinkConnector sink = dst.sink("writeMethod", method)) {
      PgTestDb.write(sink, PgTestDb.request("typed", csv, WriteStrategy.append(), List.of()), List.of(b));
    }
    assertThat(dst.rows("SELECT id, amount, at AT TIME ZONE 'UTC', u, ok, m, encode(bin, 'hex'), doc::text, note FROM typed ORDER BY id"))
        .containsExactly(
            List.of("1", "12.50", "2024-01-02 03:04:05.123456", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "t", "happy", "00090a5c",
                "{\"k\": \"v\\tw\"}", "tab\there\nnew \\N \\ line"),
            java.util.Arrays.asList("2", null, null, null, null, null, null, null, ""),
            List.of("3", "-0.01", "1999-12-31 23:59:59", "00000000-0000-0000-0000-000000000000", "f", "sad", "", "[]", "\\"));
  }

  @Test
  void badValuesFailNamingColumnAndRowAndLandNothing() {
    dst.exec("CREATE TABLE t (id int PRIMARY KEY, amount numeric(10,2), bin bytea)");
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("amount", LogicalType.string()), Field.of("bin", LogicalType.string()));
    RecordBatch b = RecordBatch.allocate(s, 2);
    b.column(0).setObject(0, 1);
    b.column(1).setObject(0, "1.00");
    b.column(2).setObject(0, "AAEC");
    b.column(0).setObject(1, 2);
    b.column(1).setObject(1, "1.00");
    b.column(2).setObject(1, "not base64 !");
    b.setRowCount(2);
    try (SinkConnector sink = dst.sink()) {
      assertThatThrownBy(() -> PgTestDb.write(sink, PgTestDb.request("t", s, WriteStrategy.append(), List.of("id")), List.of(b)))
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONVERSION_FAILED);
            assertThat(e.column()).contains("bin");
            assertThat(e.location()).contains("row id=2");
            assertThat(e.table()).contains("public.t");
          });
      b.column(2).setObject(1, null);
      b.column(1).setObject(1, "1.005");
      assertThatThrownBy(() -> PgTestDb.write(sink, PgTestDb.request("t", s, WriteStrategy.append(), List.of("id")), List.of(b)))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.column()).contains("amount"))
          .hasMessageContaining("rounded");
      b.column(1).setObject(1, "abc");
      assertThatThrownBy(() -> PgTestDb.write(sink, PgTestDb.request("t", s, WriteStrategy.append(), List.of("id")), List.of(b)))
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONVERSION_FAILED);
            assertThat(e.column()).contains("amount");
            assertThat(e.location()).hasValueSatisfying(l -> assertThat(l).contains("row 2"));
          });
    }
    assertThat(dst.count("t")).isZero();
  }

  @Test
  void constraintViolationOnRow50000FailsWithRowRejectedAndNothingLands() {
    dst.exec("CREATE TABLE t (id bigint PRIMARY KEY, v text)", "INSERT INTO t VALUES (-1, 'before')");
    Schema s = Schema.of(Field.required("id", LogicalType.int64()), Field.of("v", LogicalType.string()));
    List<RecordBatch> batches = new java.util.ArrayList<>();
    for (int start = 0; start < 60_000; start += 4096) {
      RecordBatch b = RecordBatch.allocate(s, 4096);
      int n = Math.min(4096, 60_000 - start);
      for (int i = 0; i < n; i++) {
        long row = start + i + 1; // 1-based row number
        b.longs(0).set(i, row == 50_000 ? 7 : row);
        b.column(1).setObject(i, "v" + row);
      }
      b.setRowCount(n);
      batches.add(b);
    }
    try (SinkConnector sink = dst.sink()) {
      assertThatThrownBy(() -> PgTestDb.write(sink, PgTestDb.request("t", s, WriteStrategy.append(), List.of("id")), batches))
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ROW_REJECTED);
            assertThat(e.getMessage()).contains("t_pkey").contains("(id)=(7)").contains("50000");
          });
    }
    assertThat(dst.rows("SELECT id, v FROM t")).containsExactly(List.of("-1", "before"));
  }

  @Test
  void upsertWithExplicitKeysWithThePrimaryKeyAndTheErrorWithoutEither() {
    dst.exec("CREATE TABLE items (id int PRIMARY KEY, sku text NOT NULL UNIQUE, qty int)",
        "INSERT INTO items VALUES (1, 'a', -1), (2, 'b', -2), (9, 'z', 9)");
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("sku", LogicalType.string()), Field.of("qty", LogicalType.int32()));
    RecordBatch b = batch(s, new Object[][] {{1, "a", 10}, {3, "c", 30}, {3, "c", 31}, {2, "b", 20}});
    try (SinkConnector sink = dst.sink()) {
      // no keys given: the primary key; the duplicate key 3 keeps its last row
      long rows = PgTestDb.write(sink, PgTestDb.request("items", s, WriteStrategy.upsert(), List.of()), List.of(b));
      assertThat(rows).isEqualTo(3);
      assertThat(dst.rows("SELECT id, sku, qty FROM items ORDER BY id")).containsExactly(List.of("1", "a", "10"),
          List.of("2", "b", "20"), List.of("3", "c", "31"), List.of("9", "z", "9"));

      // explicit keys on the unique sku, writing only some columns
      Schema some = Schema.of(Field.of("sku", LogicalType.string()), Field.of("qty", LogicalType.int32()));
      PgTestDb.write(sink, PgTestDb.request("items", some, WriteStrategy.upsert("sku"), List.of()),
          List.of(batch(some, new Object[][] {{"z", 99}})));
      assertThat(dst.rows("SELECT qty FROM items WHERE id = 9")).containsExactly(List.of("99"));

      // with the insert method too
      try (SinkConnector insert = dst.sink("writeMethod", "insert")) {
        PgTestDb.write(insert, PgTestDb.request("items", s, WriteStrategy.upsert("id"), List.of()),
            List.of(batch(s, new Object[][] {{2, "b", 200}, {4, "d", 40}})));
      }
      assertThat(dst.rows("SELECT id, qty FROM items WHERE id IN (2, 4) ORDER BY id")).containsExactly(List.of("2", "200"), List.of("4", "40"));

      dst.exec("CREATE TABLE nokey (id int, v text)", "INSERT INTO nokey VALUES (1, 'x')");
      Schema kv = Schema.of(Field.of("id", LogicalType.int32()), Field.of("v", LogicalType.string()));
      assertThatThrownBy(() -> sink.begin(PgTestDb.request("nokey", kv, WriteStrategy.upsert(), List.of())))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_UPSERT_KEYS))
          .hasMessageContaining("nokey").hasMessageContaining("has no primary key; give upsert keys");
      assertThatThrownBy(() -> sink.begin(PgTestDb.request("nokey", kv, WriteStrategy.upsert("id"), List.of())))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH))
          .hasMessageContaining("ON CONFLICT");
      assertThatThrownBy(() -> sink.begin(PgTestDb.request("nokey", kv, WriteStrategy.upsert("nope"), List.of())))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
      assertThat(dst.rows("SELECT * FROM nokey")).containsExactly(List.of("1", "x"));

      // a table created for an upsert gets the keys as its primary key
      PgTestDb.write(sink, PgTestDb.request("fresh", kv, WriteStrategy.upsert("id"), List.of()),
          List.of(batch(kv, new Object[][] {{1, "a"}, {1, "b"}})));
      assertThat(dst.rows("SELECT * FROM fresh")).containsExactly(List.of("1", "b"));
    }
  }

  @Test
  void overwriteReplacesEveryRowAtCommit() {
    dst.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'old' FROM generate_series(1, 100) g");
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("v", LogicalType.string()));
    try (SinkConnector sink = dst.sink(); WriteTransaction tx = sink.begin(PgTestDb.request("t", s, WriteStrategy.overwrite(), List.of()))) {
      SplitWriter w = tx.openWriter(0);
      w.write(batch(s, new Object[][] {{5, "new"}, {6, "new"}}));
      var fragment = w.finish();
      assertThat(tx.commit(List.of(fragment))).isEqualTo(2);
    }
    assertThat(dst.rows("SELECT id, v FROM t ORDER BY id")).containsExactly(List.of("5", "new"), List.of("6", "new"));
  }

  @Test
  void abortLeavesTablesExactlyAsBefore() {
    dst.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t VALUES (1, 'keep')");
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("v", LogicalType.string()));
    try (SinkConnector sink = dst.sink()) {
      for (WriteStrategy strategy : List.of(WriteStrategy.append(), WriteStrategy.overwrite(), WriteStrategy.upsert())) {
        try (WriteTransaction tx = sink.begin(PgTestDb.request("t", s, strategy, List.of()))) {
          SplitWriter w = tx.openWriter(0);
          w.write(batch(s, new Object[][] {{2, "added"}}));
          w.finish();
          if (strategy.kind() == WriteStrategy.Kind.OVERWRITE) {
            // TRUNCATE holds an ACCESS EXCLUSIVE lock: readers wait for the commit instead of seeing an empty table
            assertThatThrownBy(() -> dst.rows("SET lock_timeout = '200ms'; SELECT id, v FROM t"))
                .hasStackTraceContaining("lock timeout");
          } else {
            // nothing is visible before the commit
            assertThat(dst.rows("SELECT id, v FROM t")).containsExactly(List.of("1", "keep"));
          }
          tx.abort();
          tx.abort();
        }
        assertThat(dst.rows("SELECT id, v FROM t")).containsExactly(List.of("1", "keep"));
      }
      // a table created by an aborted write does not exist afterwards
      try (WriteTransaction tx = sink.begin(PgTestDb.request("brand_new", s, WriteStrategy.append(), List.of("id")))) {
        SplitWriter w = tx.openWriter(0);
        w.write(batch(s, new Object[][] {{1, "x"}}));
        w.abort();
        tx.abort();
      }
      assertThat(dst.exists("brand_new")).isFalse();
      // close without commit aborts too
      try (WriteTransaction tx = sink.begin(PgTestDb.request("brand_new2", s, WriteStrategy.append(), List.of()))) {
        tx.openWriter(0).write(batch(s, new Object[][] {{1, "x"}}));
      }
      assertThat(dst.exists("brand_new2")).isFalse();
    }
  }

  @Test
  void existingTableMustHaveEveryColumnAndMustExistWhenAsked() {
    dst.exec("CREATE TABLE t (id int)");
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("missing", LogicalType.string()));
    try (SinkConnector sink = dst.sink()) {
      assertThatThrownBy(() -> sink.begin(PgTestDb.request("t", s, WriteStrategy.append(), List.of())))
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
            assertThat(e.column()).contains("missing");
          }).hasMessageContaining("public.t");
      WriteRequest mustExist = WriteRequest.of("j", "r", DatasetId.of("absent"), s, WriteStrategy.append(), List.of(),
          TableCreation.MUST_EXIST);
      assertThatThrownBy(() -> sink.begin(mustExist))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
      assertThat(sink.describe(DatasetId.of("t"))).isPresent();
      assertThat(sink.describe(DatasetId.of("absent"))).isEmpty();
    }
  }

  @Test
  void integersWidenIntoWiderColumnsAndNarrowOnlyWhenTheyFit() {
    dst.exec("CREATE TABLE n (a bigint, b smallint, c numeric(20,0), d double precision, e text, f timestamp(6))");
    Schema s = Schema.of(Field.of("a", LogicalType.int32()), Field.of("b", LogicalType.int64()), Field.of("c", LogicalType.int64()),
        Field.of("d", LogicalType.int32()), Field.of("e", LogicalType.decimal(5, 2)), Field.of("f", LogicalType.timestamp(9)));
    RecordBatch ok = batch(s, new Object[][] {{7, 300L, Long.MIN_VALUE, 3, new BigDecimal("1.50"),
        LocalDateTime.of(2020, 1, 1, 0, 0, 0, 123_456_789)}});
    try (SinkConnector sink = dst.sink()) {
      PgTestDb.write(sink, PgTestDb.request("n", s, WriteStrategy.append(), List.of()), List.of(ok));
      RecordBatch tooBig = batch(s, new Object[][] {{1, 70_000L, 1L, 1, BigDecimal.ONE, null}});
      assertThatThrownBy(() -> PgTestDb.write(sink, PgTestDb.request("n", s, WriteStrategy.append(), List.of()), List.of(tooBig)))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.column()).contains("b"))
          .hasMessageContaining("smallint");
    }
    assertThat(dst.rows("SELECT a, b, c, d, e, f::text FROM n")).containsExactly(
        List.of("7", "300", "-9223372036854775808", "3", "1.50", "2020-01-01 00:00:00.123456"));
  }

  static RecordBatch batch(Schema s, Object[][] rows) {
    RecordBatch b = RecordBatch.allocate(s, Math.max(1, rows.length));
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < s.size(); c++) {
        b.column(c).setObject(r, rows[r][c]);
      }
    }
    b.setRowCount(rows.length);
    return b;
  }

  static UUID uuid() {
    return UUID.randomUUID();
  }
}
