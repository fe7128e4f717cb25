package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.LogicalType;
import org.junit.jupiter.api.Test;

class PostgresTypeMappingTest {

  /** The typmod PostgreSQL stores for numeric(p,s). */
  static int numericTypmod(int p, int s) {
    return ((p << 16) | (s & 0x7ff)) + 4;
  }

  private static LogicalType read(int oid, String name, int typmod) {
    return PostgresTypeMapping.toLogical(PgType.builtin(oid, name, typmod));
  }

  @Test
  void readsEveryMappedType() {
    assertThat(read(PgType.BOOL, "bool", -1)).isEqualTo(LogicalType.bool());
    assertThat(read(PgType.INT2, "int2", -1)).isEqualTo(LogicalType.int16());
    assertThat(read(PgType.INT4, "int4", -1)).isEqualTo(LogicalType.int32());
    assertThat(read(PgType.INT8, "int8", -1)).isEqualTo(LogicalType.int64());
    assertThat(read(PgType.FLOAT4, "float4", -1)).isEqualTo(LogicalType.float32());
    assertThat(read(PgType.FLOAT8, "float8", -1)).isEqualTo(LogicalType.float64());
    assertThat(read(PgType.NUMERIC, "numeric", numericTypmod(38, 9))).isEqualTo(LogicalType.decimal(38, 9));
    assertThat(read(PgType.NUMERIC, "numeric", numericTypmod(10, 0))).isEqualTo(LogicalType.decimal(10, 0));
    assertThat(read(PgType.NUMERIC, "numeric", -1)).isEqualTo(LogicalType.decimal(38, 18));
    assertThat(read(PgType.NUMERIC, "numeric", numericTypmod(50, 2))).isEqualTo(LogicalType.string());
    assertThat(read(PgType.NUMERIC, "numeric", numericTypmod(5, -2))).isEqualTo(LogicalType.string());
    assertThat(read(PgType.TEXT, "text", -1)).isEqualTo(LogicalType.string());
    assertThat(read(PgType.VARCHAR, "varchar", 20 + 4)).isEqualTo(LogicalType.string(20));
    assertThat(read(PgType.VARCHAR, "varchar", -1)).isEqualTo(LogicalType.string());
    assertThat(read(PgType.BPCHAR, "bpchar", 3 + 4)).isEqualTo(LogicalType.string(3));
    assertThat(read(PgType.NAME, "name", -1)).isEqualTo(LogicalType.string(63));
    assertThat(read(12345, "citext", -1)).isEqualTo(LogicalType.string());
    assertThat(read(PgType.BYTEA, "bytea", -1)).isEqualTo(LogicalType.binary());
    assertThat(read(PgType.UUID, "uuid", -1)).isEqualTo(LogicalType.uuid());
    assertThat(read(PgType.JSON, "json", -1)).isEqualTo(LogicalType.json());
    assertThat(read(PgType.JSONB, "jsonb", -1)).isEqualTo(LogicalType.json());
    assertThat(read(PgType.DATE, "date", -1)).isEqualTo(LogicalType.date());
    assertThat(read(PgType.TIME, "time", 3)).isEqualTo(LogicalType.time(3));
    assertThat(read(PgType.TIMESTAMP, "timestamp", -1)).isEqualTo(LogicalType.timestamp(6));
    assertThat(read(PgType.TIMESTAMP, "timestamp", 0)).isEqualTo(LogicalType.timestamp(0));
    assertThat(read(PgType.TIMESTAMPTZ, "timestamptz", 6)).isEqualTo(LogicalType.timestampTz(6));
  }

  @Test
  void typesWithoutLogicalMappingAreReadAsText() {
    PgType interval = PgType.builtin(1186, "interval");
    PgType intArray = PgType.builtin(1007, "_int4");
    PgType money = PgType.builtin(790, "money");
    for (PgType t : new PgType[] {interval, intArray, money, PgType.builtin(142, "xml"), PgType.builtin(99999, "mood")}) {
      assertThat(PostgresTypeMapping.toLogical(t)).as(t.name()).isEqualTo(LogicalType.string());
      assertThat(PostgresTypeMapping.readsAsText(t)).as(t.name()).isTrue();
    }
    assertThat(PostgresTypeMapping.readsAsText(PgType.builtin(PgType.NUMERIC, "numeric", numericTypmod(50, 2)))).isTrue();
    assertThat(PostgresTypeMapping.readsAsText(PgType.builtin(PgType.NUMERIC, "numeric", -1))).isFalse();
    assertThat(PostgresTypeMapping.readsAsText(PgType.builtin(PgType.TEXT, "text"))).isFalse();
    assertThat(PostgresTypeMapping.readsAsText(PgType.builtin(4242, "citext"))).isFalse();
  }

  @Test
  void writesEveryLogicalType() {
    assertThat(PostgresTypeMapping.toSql(LogicalType.bool())).isEqualTo("boolean");
    assertThat(PostgresTypeMapping.toSql(LogicalType.int8())).isEqualTo("smallint");
    assertThat(PostgresTypeMapping.toSql(LogicalType.int16())).isEqualTo("smallint");
    assertThat(PostgresTypeMapping.toSql(LogicalType.int32())).isEqualTo("integer");
    assertThat(PostgresTypeMapping.toSql(LogicalType.int64())).isEqualTo("bigint");
    assertThat(PostgresTypeMapping.toSql(LogicalType.float32())).isEqualTo("real");
    assertThat(PostgresTypeMapping.toSql(LogicalType.float64())).isEqualTo("double precision");
    assertThat(PostgresTypeMapping.toSql(LogicalType.decimal(38, 9))).isEqualTo("numeric(38,9)");
    assertThat(PostgresTypeMapping.toSql(LogicalType.string())).isEqualTo("text");
    assertThat(PostgresTypeMapping.toSql(LogicalType.string(40))).isEqualTo("varchar(40)");
    assertThat(PostgresTypeMapping.toSql(LogicalType.binary(16))).isEqualTo("bytea");
    assertThat(PostgresTypeMapping.toSql(LogicalType.uuid())).isEqualTo("uuid");
    assertThat(PostgresTypeMapping.toSql(LogicalType.json())).isEqualTo("jsonb");
    assertThat(PostgresTypeMapping.toSql(LogicalType.list(LogicalType.int32()))).isEqualTo("jsonb");
    assertThat(PostgresTypeMapping.toSql(LogicalType.date())).isEqualTo("date");
    assertThat(PostgresTypeMapping.toSql(LogicalType.time(3))).isEqualTo("time(3)");
    assertThat(PostgresTypeMapping.toSql(LogicalType.timestamp(7))).isEqualTo("timestamp(6)");
    assertThat(PostgresTypeMapping.toSql(LogicalType.timestampTz(9))).isEqualTo("timestamptz(6)");
  }

  @Test
  void roundTripKeepsEveryTypePostgresCanHold() {
    LogicalType[] types = {LogicalType.bool(), LogicalType.int16(), LogicalType.int32(), LogicalType.int64(),
        LogicalType.float32(), LogicalType.float64(), LogicalType.decimal(38, 9), LogicalType.decimal(5, 5),
        LogicalType.string(), LogicalType.string(12), LogicalType.binary(), LogicalType.uuid(), LogicalType.json(),
        LogicalType.date(), LogicalType.time(6), LogicalType.timestamp(0), LogicalType.timestamp(6), LogicalType.timestampTz(3)};
    for (LogicalType t : types) {
      assertThat(read(oidOf(t), "x", typmodOf(t))).as(t.toString()).isEqualTo(t);
    }
  }

  private static int oidOf(LogicalType t) {
    switch (t.id()) {
      case BOOLEAN: return PgType.BOOL;
      case INT16: return PgType.INT2;
      case INT32: return PgType.INT4;
      case INT64: return PgType.INT8;
      case FLOAT32: return PgType.FLOAT4;
      case FLOAT64: return PgType.FLOAT8;
      case DECIMAL: return PgType.NUMERIC;
      case STRING: return t.length() < 0 ? PgType.TEXT : PgType.VARCHAR;
      case BINARY: return PgType.BYTEA;
      case UUID: return PgType.UUID;
      case JSON: return PgType.JSONB;
      case DATE: return PgType.DATE;
      case TIME: return PgType.TIME;
      case TIMESTAMP: return PgType.TIMESTAMP;
      default: return PgType.TIMESTAMPTZ;
    }
  }

  private static int typmodOf(LogicalType t) {
    switch (t.id()) {
      case DECIMAL: return numericTypmod(t.precision(), t.scale());
      case STRING: return t.length() < 0 ? -1 : t.length() + 4;
      case TIME: case TIMESTAMP: case TIMESTAMP_TZ: return t.precision();
      default: return -1;
    }
  }
}
