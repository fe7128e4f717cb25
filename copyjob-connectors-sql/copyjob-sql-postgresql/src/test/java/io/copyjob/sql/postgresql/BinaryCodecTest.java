package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Binary COPY encoding and decoding of each type, without a server: encoder bytes go back through the decoder. */
class BinaryCodecTest {

  private static byte[] numericBytes(BigDecimal value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CopyOutput out = new CopyOutput((b, off, len) -> bytes.write(b, off, len), 64);
    PgNumeric.write(value, out);
    out.flush();
    return bytes.toByteArray();
  }

  private static BigDecimal numericRoundTrip(BigDecimal value) throws IOException {
    CopyInput in = CopyInput.of(numericBytes(value));
    int len = in.readInt();
    BigDecimal back = PgNumeric.read(in);
    assertThat(len).isEqualTo(numericBytes(value).length - 4);
    return back;
  }

  @Test
  void numericRoundTripsEdgeValuesExactly() throws IOException {
    String[] values = {"0", "0.000", "-1", "1", "9999", "10000", "12345.6789", "-0.000000001", "123456789.123456789",
        "99999999999999999999999999999.999999999", "-99999999999999999999999999999999999999",
        "100000000000000000000000000000000000000", "0.5", "1E+5", "12.30", "9223372036854775807",
        "-9223372036854775808.5", "0.00001"};
    for (String v : values) {
      BigDecimal d = new BigDecimal(v);
      BigDecimal back = numericRoundTrip(d);
      assertThat(back).as(v).isEqualByComparingTo(d);
      assertThat(back.scale()).as(v + " scale").isEqualTo(Math.max(d.scale(), 0));
    }
    assertThat(numericRoundTrip(new BigDecimal("1E+37"))).isEqualByComparingTo("10000000000000000000000000000000000000");
  }

  @Test
  void numericMatchesPostgresWireFormat() throws IOException {
    // 12345.6789 = 1*10000^1 + 2345*10000^0 + 6789*10000^-1: ndigits 3, weight 1, positive, dscale 4
    assertThat(numericBytes(new BigDecimal("12345.6789"))).containsExactly(
        0, 0, 0, 14, 0, 3, 0, 1, 0, 0, 0, 4, 0, 1, 0x09, 0x29, 0x1a, 0x85);
    // -0.5: digit 5000 at weight -1, negative, dscale 1
    assertThat(numericBytes(new BigDecimal("-0.5"))).containsExactly(0, 0, 0, 10, 0, 1, (byte) 0xff, (byte) 0xff, 0x40, 0, 0, 1, 0x13, (byte) 0x88);
  }

  @Test
  void numericNaNAndInfinityFailClearly() {
    byte[] nan = {0, 0, 0, 0, (byte) 0xC0, 0, 0, 0};
    assertThatThrownBy(() -> PgNumeric.read(CopyInput.of(nan))).isInstanceOf(PgNumeric.NotANumberException.class).hasMessage("NaN");
    byte[] inf = {0, 0, 0, 0, (byte) 0xD0, 0, 0, 0};
    assertThatThrownBy(() -> PgNumeric.read(CopyInput.of(inf))).hasMessage("Infinity");
    PgType numeric = PgType.builtin(PgType.NUMERIC, "numeric", PostgresTypeMappingTest.numericTypmod(38, 9));
    FieldDecoder d = FieldDecoder.forColumn("n", numeric, LogicalType.decimal(38, 9), false);
    ColumnVector v = ColumnVector.allocate(LogicalType.decimal(38, 9), 1);
    assertThatThrownBy(() -> d.decode(CopyInput.of(nan), 8, v, 0)).isInstanceOf(BadValueException.class)
        .hasMessageContaining("NaN");
  }

  @Test
  void unconstrainedNumericFailsRatherThanRounds() throws IOException {
    PgType numeric = PgType.builtin(PgType.NUMERIC, "numeric");
    FieldDecoder d = FieldDecoder.forColumn("n", numeric, LogicalType.decimal(38, 18), false);
    ColumnVector v = ColumnVector.allocate(LogicalType.decimal(38, 18), 1);
    byte[] ok = numericBytes(new BigDecimal("1.50000000000000000000000"));
    CopyInput in = CopyInput.of(ok);
    d.decode(in, in.readInt(), v, 0);
    assertThat(v.getObject(0)).isEqualTo(new BigDecimal("1.500000000000000000"));
    byte[] tooPrecise = numericBytes(new BigDecimal("0.0000000000000000001"));
    CopyInput in2 = CopyInput.of(tooPrecise);
    assertThatThrownBy(() -> d.decode(in2, in2.readInt(), v, 0)).isInstanceOf(BadValueException.class)
        .hasMessageContaining("more than 18 decimal places");
    byte[] tooBig = numericBytes(new BigDecimal("1E+21"));
    CopyInput in3 = CopyInput.of(tooBig);
    assertThatThrownBy(() -> d.decode(in3, in3.readInt(), v, 0)).hasMessageContaining("digits before the point");
  }

  /** Encodes {@code value} of {@code type} for a column of {@code dest}, then decodes it as that column. */
  private static Object roundTrip(LogicalType type, PgType dest, Object value) throws IOException {
    ColumnVector v = ColumnVector.allocate(type, 1);
    v.setObject(0, value);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CopyOutput out = new CopyOutput((b, off, len) -> bytes.write(b, off, len), 1024);
    FieldEncoder.binary(type, dest).encode(v, 0, out);
    out.flush();
    LogicalType readType = PostgresTypeMapping.toLogical(dest);
    ColumnVector back = ColumnVector.allocate(readType, 1);
    CopyInput in = CopyInput.of(bytes.toByteArray());
    int len = in.readInt();
    FieldDecoder.forColumn("c", dest, readType, false).decode(in, len, back, 0);
    assertThat(in.atEnd()).isTrue();
    return back.getObject(0);
  }

  @Test
  void everyTypeRoundTripsThroughItsBinaryForm() throws IOException {
    UUID uuid = UUID.randomUUID();
    assertThat(roundTrip(LogicalType.bool(), PgType.builtin(PgType.BOOL, "bool"), true)).isEqualTo(true);
    assertThat(roundTrip(LogicalType.int16(), PgType.builtin(PgType.INT2, "int2"), (short) -32768)).isEqualTo((short) -32768);
    assertThat(roundTrip(LogicalType.int32(), PgType.builtin(PgType.INT4, "int4"), Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    assertThat(roundTrip(LogicalType.int64(), PgType.builtin(PgType.INT8, "int8"), Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(roundTrip(LogicalType.int32(), PgType.builtin(PgType.INT8, "int8"), 7)).isEqualTo(7L);
    assertThat(roundTrip(LogicalType.float32(), PgType.builtin(PgType.FLOAT4, "float4"), 1.5f)).isEqualTo(1.5f);
    assertThat(roundTrip(LogicalType.float64(), PgType.builtin(PgType.FLOAT8, "float8"), -0.1)).isEqualTo(-0.1);
    assertThat(roundTrip(LogicalType.float64(), PgType.builtin(PgType.FLOAT8, "float8"), Double.NaN)).isEqualTo(Double.NaN);
    assertThat(roundTrip(LogicalType.string(), PgType.builtin(PgType.TEXT, "text"), "a\tb\n'c\",é😀"))
        .isEqualTo("a\tb\n'c\",é😀");
    assertThat(roundTrip(LogicalType.string(), PgType.builtin(PgType.TEXT, "text"), "")).isEqualTo("");
    assertThat(roundTrip(LogicalType.int64(), PgType.builtin(PgType.TEXT, "text"), 42L)).isEqualTo("42");
    assertThat(roundTrip(LogicalType.binary(), PgType.builtin(PgType.BYTEA, "bytea"), new byte[] {0, -1, 5}))
        .isEqualTo(new byte[] {0, -1, 5});
    assertThat(roundTrip(LogicalType.string(), PgType.builtin(PgType.BYTEA, "bytea"),
        Base64.getEncoder().encodeToString(new byte[] {1, 2, -3}))).isEqualTo(new byte[] {1, 2, -3});
    assertThat(roundTrip(LogicalType.uuid(), PgType.builtin(PgType.UUID, "uuid"), uuid)).isEqualTo(uuid);
    assertThat(roundTrip(LogicalType.json(), PgType.builtin(PgType.JSONB, "jsonb"), "{\"a\": [1, \"ü\"]}"))
        .isEqualTo("{\"a\": [1, \"ü\"]}");
    assertThat(roundTrip(LogicalType.json(), PgType.builtin(PgType.JSON, "json"), "[]")).isEqualTo("[]");
    assertThat(roundTrip(LogicalType.date(), PgType.builtin(PgType.DATE, "date"), LocalDate.of(1, 1, 1))).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(roundTrip(LogicalType.date(), PgType.builtin(PgType.DATE, "date"), LocalDate.of(9999, 12, 31))).isEqualTo(LocalDate.of(9999, 12, 31));
    assertThat(roundTrip(LogicalType.time(6), PgType.builtin(PgType.TIME, "time"), LocalTime.of(23, 59, 59, 999_999_000)))
        .isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
    assertThat(roundTrip(LogicalType.decimal(38, 9), PgType.builtin(PgType.NUMERIC, "numeric",
        PostgresTypeMappingTest.numericTypmod(38, 9)), new BigDecimal("-12345678901234567890123456789.123456789")))
        .isEqualTo(new BigDecimal("-12345678901234567890123456789.123456789"));
  }

  @Test
  void timestampsKeepMicrosecondsFromYearOneTo9999() throws IOException {
    PgType ts = PgType.builtin(PgType.TIMESTAMP, "timestamp", 6);
    PgType tstz = PgType.builtin(PgType.TIMESTAMPTZ, "timestamptz", 6);
    for (LocalDateTime t : List.of(LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(2000, 1, 1, 0, 0, 0, 1000), LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000),
        LocalDateTime.of(1970, 1, 1, 0, 0))) {
      assertThat(roundTrip(LogicalType.timestamp(6), ts, t)).isEqualTo(t);
    }
    Instant i = Instant.parse("0001-01-01T00:00:00.000001Z");
    assertThat(roundTrip(LogicalType.timestampTz(6), tstz, i)).isEqualTo(i);
    // nanoseconds PostgreSQL cannot keep are truncated, never rounded up
    assertThat(roundTrip(LogicalType.timestamp(9), ts, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_999)))
        .isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_000));
  }

  @Test
  void infinityAndLossyValuesFailClearly() throws IOException {
    ColumnVector v = ColumnVector.allocate(LogicalType.timestamp(6), 1);
    byte[] infinity = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    FieldDecoder d = FieldDecoder.forColumn("t", PgType.builtin(PgType.TIMESTAMP, "timestamp"), LogicalType.timestamp(6), false);
    assertThatThrownBy(() -> d.decode(CopyInput.of(infinity), 8, v, 0)).isInstanceOf(BadValueException.class)
        .hasMessageContaining("infinity");
    ColumnVector dv = ColumnVector.allocate(LogicalType.date(), 1);
    FieldDecoder dd = FieldDecoder.forColumn("d", PgType.builtin(PgType.DATE, "date"), LogicalType.date(), false);
    assertThatThrownBy(() -> dd.decode(CopyInput.of(new byte[] {(byte) 0x80, 0, 0, 0}), 4, dv, 0)).hasMessageContaining("-infinity");

    PgType small = PgType.builtin(PgType.NUMERIC, "numeric", PostgresTypeMappingTest.numericTypmod(10, 2));
    assertThatThrownBy(() -> roundTrip(LogicalType.decimal(10, 3), small, new BigDecimal("1.234")))
        .isInstanceOf(BadValueException.class).hasMessageContaining("rounded");
    assertThat(roundTrip(LogicalType.decimal(10, 3), small, new BigDecimal("1.230"))).isEqualTo(new BigDecimal("1.23"));
    assertThatThrownBy(() -> roundTrip(LogicalType.int64(), PgType.builtin(PgType.INT2, "int2"), 40_000L))
        .hasMessageContaining("out of range for smallint");
    assertThatThrownBy(() -> roundTrip(LogicalType.string(), PgType.builtin(PgType.BYTEA, "bytea"), "not base64!"))
        .hasMessageContaining("base64");
    PgType ts0 = PgType.builtin(PgType.TIMESTAMP, "timestamp", 0);
    assertThatThrownBy(() -> roundTrip(LogicalType.timestamp(6), ts0, LocalDateTime.of(2020, 1, 1, 0, 0, 0, 500_000_000)))
        .hasMessageContaining("rounded");
  }

  @Test
  void timesIntoFewerDigitsFailRatherThanRound() throws IOException {
    // PostgreSQL rounds a time to the column's precision (23:59:59.9 into time(0) is 24:00:00): fail instead
    PgType time0 = PgType.builtin(PgType.TIME, "time", 0);
    assertThatThrownBy(() -> roundTrip(LogicalType.time(6), time0, LocalTime.of(23, 59, 59, 900_000_000)))
        .isInstanceOf(BadValueException.class).hasMessageContaining("rounded");
    assertThat(roundTrip(LogicalType.time(6), time0, LocalTime.of(23, 59, 59))).isEqualTo(LocalTime.of(23, 59, 59));
    PgType time3 = PgType.builtin(PgType.TIME, "time", 3);
    assertThat(roundTrip(LogicalType.time(9), time3, LocalTime.of(1, 2, 3, 123_000_999)))
        .isEqualTo(LocalTime.of(1, 2, 3, 123_000_000));
    ColumnVector v = ColumnVector.allocate(LogicalType.time(6), 1);
    v.setObject(0, LocalTime.of(0, 0, 0, 1_500_000));
    assertThatThrownBy(() -> TextRenderer.forColumn(LogicalType.time(6), time3).render(v, 0))
        .isInstanceOf(BadValueException.class).hasMessageContaining("rounded");
    assertThat(TextRenderer.forColumn(LogicalType.time(6), PgType.builtin(PgType.TIME, "time")).render(v, 0))
        .isEqualTo("00:00:00.001500");
  }

  @Test
  void stringsIntoTypesPostgresMustParseHaveNoBinaryEncoder() {
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(PgType.NUMERIC, "numeric"))).isNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(PgType.TIMESTAMP, "timestamp"))).isNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(PgType.UUID, "uuid"))).isNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(PgType.BOOL, "bool"))).isNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(77777, "mood"))).isNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(PgType.JSONB, "jsonb"))).isNotNull();
    assertThat(FieldEncoder.binary(LogicalType.string(), PgType.builtin(55555, "citext"))).isNotNull();
  }

  @Test
  void copyTextEscapesDelimitersAndBackslashes() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CopyOutput out = new CopyOutput((b, off, len) -> bytes.write(b, off, len), 64);
    out.writeCopyText("a\tb\nc\rd\\e");
    out.writeCopyText("é\t\\N");
    out.writeCopyText("");
    out.flush();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a\\tb\\nc\\rd\\\\eé\\t\\\\N");
  }

  @Test
  void textRenderingMatchesPostgresInput() {
    ColumnVector bin = ColumnVector.allocate(LogicalType.binary(), 1);
    bin.setObject(0, new byte[] {0x0a, (byte) 0xff});
    assertThat(PgText.render(bin, 0)).isEqualTo("\\x0aff");
    ColumnVector ts = ColumnVector.allocate(LogicalType.timestamp(9), 1);
    ts.setObject(0, LocalDateTime.of(1, 2, 3, 4, 5, 6, 123_456_789));
    assertThat(PgText.render(ts, 0)).isEqualTo("0001-02-03 04:05:06.123456");
    ColumnVector tz = ColumnVector.allocate(LogicalType.timestampTz(6), 1);
    tz.setObject(0, Instant.parse("2024-05-06T07:08:09Z"));
    assertThat(PgText.render(tz, 0)).isEqualTo("2024-05-06 07:08:09+00");
    ColumnVector f = ColumnVector.allocate(LogicalType.float32(), 1);
    f.setObject(0, 0.1f);
    assertThat(PgText.render(f, 0)).isEqualTo("0.1");
    ColumnVector list = ColumnVector.allocate(LogicalType.list(LogicalType.string()), 1);
    list.setObject(0, List.of("a\"b", "c"));
    assertThat(PgText.render(list, 0)).isEqualTo("[\"a\\\"b\",\"c\"]");
  }
}
