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
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostgresSourceIT {
  private final PgTestDb db = new PgTestDb("pg_source");

  @Test
  void discoversTablesViewsColumnsAndKeys() {
    db.exec("CREATE SCHEMA sales", "CREATE TABLE sales.\"Order Lines\" (order_id int, line smallint, sku varchar(20) NOT NULL,"
        + " PRIMARY KEY (order_id, line))", "CREATE VIEW public.v AS SELECT 1 AS one", "CREATE TABLE public.t (x text)");
    try (SourceConnector s = db.source()) {
      assertThat(s.listDatasets()).containsExactly(DatasetId.of("public", "t"), DatasetId.of("public", "v"),
          DatasetId.of("sales", "Order Lines"));
      DatasetInfo info = s.describe(DatasetId.of("sales", "Order Lines")).orElseThrow();
      assertThat(info.primaryKey()).containsExactly("order_id", "line");
      assertThat(info.schema()).isEqualTo(Schema.of(Field.required("order_id", LogicalType.int32()),
          Field.required("line", LogicalType.int16()), Field.required("sku", LogicalType.string(20))));
      assertThat(s.describe(DatasetId.of("t")).orElseThrow().schema().field(0).type()).isEqualTo(LogicalType.string());
      assertThat(s.describe(DatasetId.of("v"))).isPresent();
      assertThat(s.describe(DatasetId.of("nope"))).isEmpty();
    }
  }

  @Test
  void readsEveryTypeBackWithExactValues() {
    AllTypes.create(db, "public.all_types");
    DatasetInfo info = db.describe("public.all_types");
    assertThat(info.schema().find("amount").orElseThrow().type()).isEqualTo(LogicalType.decimal(38, 9));
    assertThat(info.schema().find("free").orElseThrow().type()).isEqualTo(LogicalType.decimal(38, 18));
    assertThat(info.schema().find("iv").orElseThrow().type()).isEqualTo(LogicalType.string());
    List<RecordBatch> batches = db.readAll("public.all_types");
    assertThat(batches).hasSize(1);
    RecordBatch b = batches.get(0);
    assertThat(b.rowCount()).isEqualTo(3);
    int row1 = rowOf(b, 1L);
    int row2 = rowOf(b, 2L);
    int row3 = rowOf(b, 3L);
    Schema s = b.schema();
    assertThat(value(b, "amount", row1)).isEqualTo(new BigDecimal("12345678901234567890123456789.123456789"));
    assertThat(value(b, "amount", row2)).isEqualTo(new BigDecimal("-0.000000001"));
    assertThat(value(b, "ts", row1)).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0));
    assertThat(value(b, "ts", row2)).isEqualTo(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_000));
    assertThat(value(b, "tstz", row1)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    assertThat(value(b, "tstz", row2)).isEqualTo(Instant.EPOCH);
    assertThat(value(b, "d", row1)).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(value(b, "d", row2)).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(value(b, "flag", row1)).isEqualTo(true);
    assertThat(value(b, "flag", row2)).isEqualTo(false);
    assertThat((byte[]) value(b, "bin", row1)).containsExactly(0, 0xff, 0x10);
    assertThat((byte[]) value(b, "bin", row2)).isEmpty();
    assertThat(value(b, "u", row1)).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
    assertThat(value(b, "doc", row1)).isEqualTo("{\"a\": [1, \"x\"]}");
    assertThat(value(b, "txt", row1)).isEqualTo(AllTypes.TEXT);
    assertThat(value(b, "txt", row2)).isEqualTo("");
    assertThat(value(b, "txt", row3)).isNull();
    assertThat(value(b, "small", row1)).isEqualTo((short) -32768);
    assertThat(value(b, "dbl", row1)).isEqualTo(1.5e300);
    assertThat(value(b, "i", row2)).isEqualTo(Integer.MIN_VALUE);
    assertThat(value(b, "r", row1)).isEqualTo(0.25f);
    assertThat(value(b, "vc", row2)).isEqualTo("");
    assertThat(value(b, "ch", row1)).isEqualTo("ab ");
    assertThat(value(b, "js", row1)).isEqualTo("[1,2]");
    assertThat(value(b, "tm", row1)).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    assertThat(value(b, "free", row1)).isEqualTo(new BigDecimal("1.25"));
    assertThat(value(b, "free", row2)).isEqualTo(new BigDecimal("-99999999999999999999.999999999999999999"));
    assertThat(value(b, "iv", row1)).isEqualTo("1 day 02:03:04");
    assertThat(value(b, "arr", row1)).isEqualTo("{1,NULL,3}");
    assertThat(value(b, "m", row1)).isEqualTo("happy");
    for (int c = 1; c < s.size(); c++) {
      assertThat(b.column(c).isNull(row3)).as(s.field(c).name()).isTrue();
    }
  }

  @Test
  void unconstrainedNumericThatDoesNotFitFailsNamingColumnAndRow() {
    db.exec("CREATE TABLE n (id int PRIMARY KEY, v numeric)", "INSERT INTO n VALUES (1, 1.5), (7, 0.1234567890123456789)");
    assertThatThrownBy(() -> db.readAll("public.n")).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.CONVERSION_FAILED);
      assertThat(e.column()).contains("v");
      assertThat(e.location()).contains("row id=7");
      assertThat(e.getMessage()).contains("0.1234567890123456789").contains("STRING");
    });
    // read as STRING it is exact
    try (SourceConnector s = db.source()) {
      DatasetInfo info = s.describe(DatasetId.of("n")).orElseThrow();
      Schema asText = Schema.of(Field.of("id", LogicalType.int32()), Field.of("v", LogicalType.string()));
      RecordBatch b = PgTestDb.readAll(s, ReadRequest.builder("t", info).columns(asText).build()).get(0);
      assertThat(b.column(1).getObject(rowOf(b, 7L))).isEqualTo("0.1234567890123456789");
    }
  }

  @Test
  void splitsCoverEveryRowExactlyOnceInOneSnapshot() {
    db.exec("CREATE TABLE big (id bigint PRIMARY KEY, v text)",
        "INSERT INTO big SELECT g, 'v' || g FROM generate_series(-500, 20000) g");
    try (SourceConnector s = db.source()) {
      DatasetInfo info = s.describe(DatasetId.of("big")).orElseThrow();
      try (ReadSession session = s.beginRead(ReadRequest.builder("t", info).desiredSplits(4).batchRows(1000).build())) {
        List<Split> splits = session.planSplits(Optional.empty());
        assertThat(splits).hasSize(4);
        // rows that arrive after the session began are not seen by any split
        db.exec("INSERT INTO big SELECT g, 'late' FROM generate_series(20001, 20100) g", "DELETE FROM big WHERE id = 0");
        Set<Long> seen = new HashSet<>();
        long total = 0;
        for (Split split : splits) {
          try (SplitReader r = session.openReader(split)) {
            for (RecordBatch b = r.next(); b != null; b = r.next()) {
              assertThat(b.rowCount()).isLessThanOrEqualTo(1000);
              for (int i = 0; i < b.rowCount(); i++) {
                assertThat(seen.add(b.longs(0).get(i))).isTrue();
                total++;
              }
            }
            assertThat(r.bytesRead()).isPositive();
          }
        }
        assertThat(total).isEqualTo(20501);
        assertThat(seen).contains(-500L, 0L, 20000L).doesNotContain(20001L);
      }
    }
  }

  @Test
  void incrementalBoundsExcludeTheSavedValueAndIncludeTheUpperBound() {
    db.exec("CREATE TABLE ev (id int PRIMARY KEY, at timestamp(6))",
        "INSERT INTO ev SELECT g, '2024-01-01'::timestamp + g * interval '1 microsecond' FROM generate_series(1, 100) g");
    try (SourceConnector s = db.source()) {
      DatasetInfo info = s.describe(DatasetId.of("ev")).orElseThrow();
      Watermark lower = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 40_000));
      ReadRequest req = ReadRequest.builder("t", info).watermarkColumn("at").lowerExclusive(lower).desiredSplits(3).build();
      try (ReadSession session = s.beginRead(req)) {
        Optional<Watermark> upper = session.upperBound();
        assertThat(upper).contains(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 100_000)));
        db.exec("INSERT INTO ev VALUES (101, '2024-01-01 00:00:00.000101')"); // after the snapshot: next run's
        List<Long> ids = new ArrayList<>();
        for (Split split : session.planSplits(upper)) {
          try (SplitReader r = session.openReader(split)) {
            for (RecordBatch b = r.next(); b != null; b = r.next()) {
              for (int i = 0; i < b.rowCount(); i++) {
                ids.add(b.longs(0).get(i));
              }
            }
          }
        }
        assertThat(ids).hasSize(60).doesNotContain(40L).contains(41L, 100L).doesNotContain(101L);
      }
      // a smaller upper bound given by the engine is honoured: rows equal to it are included
      Watermark mid = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 50_000));
      try (ReadSession session = s.beginRead(req)) {
        long n = 0;
        for (Split split : session.planSplits(Optional.of(mid))) {
          try (SplitReader r = session.openReader(split)) {
            for (RecordBatch b = r.next(); b != null; b = r.next()) {
              n += b.rowCount();
            }
          }
        }
        assertThat(n).isEqualTo(10);
      }
      // nothing above the lower bound: no upper bound
      ReadRequest none = ReadRequest.builder("t", info).watermarkColumn("at")
          .lowerExclusive(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2030, 1, 1, 0, 0))).build();
      try (ReadSession session = s.beginRead(none)) {
        assertThat(session.upperBound()).isEmpty();
      }
    }
  }

  @Test
  void integerAndDecimalWatermarks() {
    db.exec("CREATE TABLE w (id bigint PRIMARY KEY, amount numeric(12,3))",
        "INSERT INTO w SELECT g, g / 1000.0 FROM generate_series(1, 50) g");
    try (SourceConnector s = db.source()) {
      DatasetInfo info = s.describe(DatasetId.of("w")).orElseThrow();
      ReadRequest byId = ReadRequest.builder("t", info).watermarkColumn("id")
          .lowerExclusive(Watermark.of(LogicalType.int64(), 45L)).build();
      try (ReadSession session = s.beginRead(byId)) {
        assertThat(session.upperBound()).contains(Watermark.of(LogicalType.int64(), 50L));
      }
      assertThat(PgTestDb.readAll(s, byId).get(0).rowCount()).isEqualTo(5);
      ReadRequest byAmount = ReadRequest.builder("t", info).watermarkColumn("amount")
          .lowerExclusive(Watermark.of(LogicalType.decimal(12, 3), new BigDecimal("0.048"))).build();
      try (ReadSession session = s.beginRead(byAmount)) {
        assertThat(session.upperBound()).contains(Watermark.of(LogicalType.decimal(12, 3), new BigDecimal("0.050")));
      }
    }
  }

  @Test
  void missingTableAndColumnFailClearly() {
    db.exec("CREATE TABLE t (id int)");
    try (SourceConnector s = db.source()) {
      DatasetInfo ghost = DatasetInfo.of(DatasetId.of("ghost"), Schema.of(Field.of("id", LogicalType.int32())), List.of());
      assertThatThrownBy(() -> s.beginRead(ReadRequest.builder("j", ghost).build()))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND))
          .hasMessageContaining("ghost");
      DatasetInfo wrong = DatasetInfo.of(DatasetId.of("t"), Schema.of(Field.of("nope", LogicalType.int32())), List.of());
      assertThatThrownBy(() -> s.beginRead(ReadRequest.builder("j", wrong).build()))
          .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }
  }

  static int rowOf(RecordBatch b, long id) {
    for (int i = 0; i < b.rowCount(); i++) {
      if (((Number) b.column(0).getObject(i)).longValue() == id) {
        return i;
      }
    }
    throw new AssertionError("no row " + id);
  }

  private static Object value(RecordBatch b, String column, int row) {
    return b.column(b.schema().indexOf(column)).getObject(row);
  }
}
