package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlServerTypeMappingTest {

  @Test
  void readsEveryTypeAsItsLogicalType() {
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("bit"))).isEqualTo(LogicalType.bool());
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("tinyint"))).isEqualTo(LogicalType.int16());
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("int"))).isEqualTo(LogicalType.int32());
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("bigint"))).isEqualTo(LogicalType.int64());
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("timestamp"))).isEqualTo(LogicalType.int64());
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("decimal", 17, 38, 10))).isEqualTo(LogicalType.decimal(38, 10));
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("money"))).isEqualTo(LogicalType.decimal(19, 4));
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("nvarchar", 40, 0, 0))).isEqualTo(LogicalType.string(20));
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("varchar", 40, 0, 0))).isEqualTo(LogicalType.string(40));
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("nvarchar", -1, 0, 0))).isEqualTo(LogicalType.string());
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("varbinary", -1, 0, 0))).isEqualTo(LogicalType.binary());
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("binary", 16, 0, 0))).isEqualTo(LogicalType.binary(16));
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("uniqueidentifier"))).isEqualTo(LogicalType.uuid());
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("datetime2", 8, 27, 7))).isEqualTo(LogicalType.timestamp(7));
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("datetimeoffset", 10, 34, 7))).isEqualTo(LogicalType.timestampTz(7));
    assertThat(SqlServerTypeMapping.toLogical(new SqlServerType("time", 5, 16, 7))).isEqualTo(LogicalType.time(7));
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("datetime"))).isEqualTo(LogicalType.timestamp(3));
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("smalldatetime"))).isEqualTo(LogicalType.timestamp(0));
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("date"))).isEqualTo(LogicalType.date());
    assertThat(SqlServerTypeMapping.toLogical(SqlServerType.of("xml"))).isEqualTo(LogicalType.string());
    assertThat(new SqlServerType("nvarchar", 40, 0, 0).declaration()).isEqualTo("nvarchar(20)");
    assertThat(new SqlServerType("datetime2", 8, 27, 7).declaration()).isEqualTo("datetime2(7)");
  }

  @Test
  void writesEveryLogicalTypeAndBackAgain() {
    assertThat(SqlServerTypeMapping.toSql(LogicalType.int8())).isEqualTo("smallint");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.string(4000))).isEqualTo("nvarchar(4000)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.string(4001))).isEqualTo("nvarchar(max)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.binary(8000))).isEqualTo("varbinary(8000)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.json())).isEqualTo("nvarchar(max)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.timestamp(9))).isEqualTo("datetime2(7)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.timestampTz(6))).isEqualTo("datetimeoffset(6)");
    assertThat(SqlServerTypeMapping.toSql(LogicalType.time(7))).isEqualTo("time(7)");
    for (LogicalType t : List.of(LogicalType.bool(), LogicalType.int16(), LogicalType.int32(), LogicalType.int64(),
        LogicalType.float32(), LogicalType.float64(), LogicalType.decimal(38, 0), LogicalType.decimal(10, 2),
        LogicalType.string(30), LogicalType.string(), LogicalType.binary(), LogicalType.uuid(), LogicalType.date(),
        LogicalType.time(7), LogicalType.timestamp(7), LogicalType.timestamp(3), LogicalType.timestampTz(7))) {
      assertThat(SqlServerTypeMapping.toLogical(parse(SqlServerTypeMapping.toSql(t)))).as("round trip of %s", t).isEqualTo(t);
    }
  }

  /** The catalog's view of a declared type. */
  private static SqlServerType parse(String decl) {
    int open = decl.indexOf('(');
    String name = open < 0 ? decl : decl.substring(0, open);
    String[] args = open < 0 ? new String[0] : decl.substring(open + 1, decl.length() - 1).split(",");
    switch (name) {
      case "nvarchar": return new SqlServerType(name, args[0].equals("max") ? -1 : 2 * Integer.parseInt(args[0]), 0, 0);
      case "varbinary": return new SqlServerType(name, args[0].equals("max") ? -1 : Integer.parseInt(args[0]), 0, 0);
      case "decimal": return new SqlServerType(name, 17, Integer.parseInt(args[0]), Integer.parseInt(args[1]));
      case "datetime2": case "datetimeoffset": case "time": return new SqlServerType(name, 8, 0, Integer.parseInt(args[0]));
      default: return SqlServerType.of(name);
    }
  }

  @Test
  void bulkCopyMetadataFromSchema() {
    BulkColumn d = BulkColumn.of("amount", LogicalType.decimal(38, 9));
    assertThat(d).isEqualTo(new BulkColumn("amount", LogicalType.decimal(38, 9), Types.DECIMAL, 38, 9, 0));
    BulkColumn ts = BulkColumn.of("at", LogicalType.timestamp(9));
    assertThat(ts.jdbcType()).isEqualTo(Types.TIMESTAMP);
    assertThat(ts.precision()).isEqualTo(27);
    assertThat(ts.scale()).isEqualTo(7);
    assertThat(ts.keptFractionDigits()).isEqualTo(7);
    BulkColumn tz = BulkColumn.of("at", LogicalType.timestampTz(7));
    assertThat(tz.jdbcType()).isEqualTo(microsoft.sql.Types.DATETIMEOFFSET);
    assertThat(tz.precision()).isEqualTo(34);
    assertThat(BulkColumn.of("s", LogicalType.string(20)).jdbcType()).isEqualTo(Types.NVARCHAR);
    assertThat(BulkColumn.of("s", LogicalType.string(20)).precision()).isEqualTo(20);
    assertThat(BulkColumn.of("s", LogicalType.string()).jdbcType()).isEqualTo(Types.LONGNVARCHAR);
    assertThat(BulkColumn.of("b", LogicalType.binary()).jdbcType()).isEqualTo(Types.LONGVARBINARY);
    assertThat(BulkColumn.of("u", LogicalType.uuid()).jdbcType()).isEqualTo(microsoft.sql.Types.GUID);
    assertThat(BulkColumn.of("at", LogicalType.timestamp(7), 3).keptFractionDigits()).isEqualTo(3);
  }

  @Test
  void bulkDataCarriesEdgeValuesLosslessly() {
    Schema schema = Schema.of(Field.of("id", LogicalType.int32()), Field.of("ts", LogicalType.timestamp(7)),
        Field.of("tz", LogicalType.timestampTz(7)), Field.of("d", LogicalType.date()), Field.of("t", LogicalType.time(7)),
        Field.of("u", LogicalType.uuid()), Field.of("n", LogicalType.decimal(38, 9)), Field.of("s", LogicalType.string()));
    RecordBatch b = RecordBatch.allocate(schema, 4);
    b.column(0).setObject(0, 1L);
    b.column(1).setObject(0, LocalDateTime.parse("0001-01-01T00:00:00"));
    b.column(2).setObject(0, OffsetDateTime.parse("0001-01-01T00:00:00+14:00").toInstant().plusSeconds(14 * 3600));
    b.column(3).setObject(0, LocalDate.parse("0001-01-01"));
    b.column(4).setObject(0, LocalTime.parse("23:59:59.9999999"));
    b.column(5).setObject(0, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    b.column(6).setObject(0, new BigDecimal("-99999999999999999999999999999.999999999"));
    b.column(7).setObject(0, "ü]'\"");
    b.column(0).setObject(1, 2L);
    b.column(1).setObject(1, LocalDateTime.parse("9999-12-31T23:59:59.9999999"));
    b.column(2).setObject(1, OffsetDateTime.parse("9999-12-31T23:59:59.9999999-14:00").toInstant().minusSeconds(14 * 3600));
    for (int i = 3; i < 8; i++) {
      b.column(i).setNull(1);
    }
    b.setRowCount(2);
    List<BulkColumn> cols = schema.fields().stream().map(f -> BulkColumn.of(f.name(), f.type())).toList();
    BatchBulkData data = new BatchBulkData(cols, b);
    assertThat(data.getColumnOrdinals()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(data.getColumnName(2)).isEqualTo("ts");
    assertThat(data.next()).isTrue();
    assertThat(data.getRowData()).containsExactly(1, "0001-01-01 00:00:00.0000000", "0001-01-01 00:00:00.0000000 +00:00",
        "0001-01-01", "23:59:59.9999999", "123e4567-e89b-12d3-a456-426614174000",
        new BigDecimal("-99999999999999999999999999999.999999999"), "ü]'\"");
    assertThat(data.next()).isTrue();
    assertThat(data.getRowData()).containsExactly(2, "9999-12-31 23:59:59.9999999", "9999-12-31 23:59:59.9999999 +00:00",
        null, null, null, null, null);
    assertThat(data.next()).isFalse();
  }

  /** Bulk data into an upsert's staging table numbers the rows of the run, so the MERGE can keep the last per key. */
  @Test
  void bulkDataForStagingCarriesTheRowOrdinal() {
    List<BulkColumn> cols = List.of(BulkColumn.of("id", LogicalType.int32()), BulkColumn.of("s", LogicalType.string()));
    RecordBatch b = RecordBatch.allocate(Schema.of(Field.of("id", LogicalType.int32()), Field.of("s", LogicalType.string())), 3);
    for (int r = 0; r < 3; r++) {
      b.column(0).setObject(r, 7L);
      b.column(1).setObject(r, "v" + r);
    }
    b.setRowCount(3);
    BatchBulkData data = BatchBulkData.withOrdinals(cols, b, 100);
    assertThat(data.getColumnOrdinals()).containsExactly(1, 2, 3);
    assertThat(data.getColumnName(3)).isEqualTo("__copyjob_ordinal");
    assertThat(data.getColumnType(3)).isEqualTo(java.sql.Types.BIGINT);
    List<Object> ordinals = new java.util.ArrayList<>();
    List<Object> values = new java.util.ArrayList<>();
    while (data.next()) {
      Object[] row = data.getRowData();
      values.add(row[1]);
      ordinals.add(row[2]);
    }
    assertThat(values).containsExactly("v0", "v1", "v2");
    assertThat(ordinals).containsExactly(100L, 101L, 102L);
    BatchBulkData plain = new BatchBulkData(cols, b);
    assertThat(plain.getColumnOrdinals()).containsExactly(1, 2);
    assertThat(plain.next()).isTrue();
    assertThat(plain.getRowData()).hasSize(2);
  }

  /** A part of a batch, loaded alone to find a row the table refuses, hands out exactly its rows. */
  @Test
  void bulkDataOfARangeHandsOutOnlyThoseRows() {
    List<BulkColumn> cols = List.of(BulkColumn.of("id", LogicalType.int32()));
    RecordBatch b = RecordBatch.allocate(Schema.of(Field.of("id", LogicalType.int32())), 10);
    for (int r = 0; r < 10; r++) {
      b.column(0).setObject(r, (long) r);
    }
    b.setRowCount(10);
    List<Object> ids = new java.util.ArrayList<>();
    BatchBulkData part = BatchBulkData.rows(cols, b, 3, 7);
    while (part.next()) {
      ids.add(part.getRowData()[0]);
    }
    assertThat(ids).containsExactly(3, 4, 5, 6);
    assertThat(BatchBulkData.rows(cols, b, 5, 5).next()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchBulkData.rows(cols, b, 4, 11))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void timestampsAreTruncatedToTheDestinationNeverRounded() {
    Instant i = Instant.parse("2024-12-31T23:59:59.999999999Z");
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), 7)).isEqualTo("2024-12-31 23:59:59.9999999");
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), 3)).isEqualTo("2024-12-31 23:59:59.999");
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), 0)).isEqualTo("2024-12-31 23:59:59");
    assertThat(BatchBulkData.timestamp(-62135596800L, 100, 7)).isEqualTo("0001-01-01 00:00:00.0000001");
  }

  @Test
  void datetimeAndSmalldatetimeDestinationsAreCutNotRounded() {
    // the driver rounds .999 to the next 1/300 s tick, here into the next year; smalldatetime rounds to the minute
    BulkColumn datetime = BulkColumn.of("at", LogicalType.timestamp(7), new SqlServerType("datetime", 8, 23, 3));
    BulkColumn small = BulkColumn.of("at", LogicalType.timestamp(7), new SqlServerType("smalldatetime", 4, 16, 0));
    assertThat(datetime.keptFractionDigits()).isEqualTo(3);
    Instant i = Instant.parse("2024-12-31T23:59:59.999999999Z");
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), datetime)).isEqualTo("2024-12-31 23:59:59.997");
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), small)).isEqualTo("2024-12-31 23:59:00");
    // the milliseconds a datetime is read as (.003, .007, .010) are written back unchanged
    for (int ms : new int[] {0, 3, 7, 10, 13, 993, 997}) {
      assertThat(BatchBulkData.timestamp(0, ms * 1_000_000, datetime)).isEqualTo(String.format("1970-01-01 00:00:00.%03d", ms));
    }
    assertThat(BatchBulkData.timestamp(0, 5_900_000, datetime)).isEqualTo("1970-01-01 00:00:00.003");
    BulkColumn datetime2 = BulkColumn.of("at", LogicalType.timestamp(7), new SqlServerType("datetime2", 8, 27, 7));
    assertThat(BatchBulkData.timestamp(i.getEpochSecond(), i.getNano(), datetime2)).isEqualTo("2024-12-31 23:59:59.9999999");
  }
}
