package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class PostgresDialectTest {
  private final PostgresDialect d = PostgresDialect.INSTANCE;

  @Test
  void quotesHostileIdentifiers() {
    assertThat(d.quoteIdentifier("plain")).isEqualTo("\"plain\"");
    assertThat(d.quoteIdentifier("Mixed Case")).isEqualTo("\"Mixed Case\"");
    assertThat(d.quoteIdentifier("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(d.quoteIdentifier("x\"; DROP TABLE t; --")).isEqualTo("\"x\"\"; DROP TABLE t; --\"");
    assertThat(d.quoteIdentifier("größe_ñ_名前")).isEqualTo("\"größe_ñ_名前\"");
    assertThat(d.qualifiedName(DatasetId.of("my.schema", "t"), "public")).isEqualTo("\"my.schema\".\"t\"");
    assertThat(d.qualifiedName(DatasetId.of("t"), "public")).isEqualTo("\"public\".\"t\"");
    assertThatThrownBy(() -> d.quoteIdentifier("a\0b")).isInstanceOf(CopyJobException.class);
  }

  @Test
  void rendersWatermarkLiteralsLosslessly() {
    assertThat(d.literal(Watermark.of(LogicalType.int64(), 42L))).isEqualTo("42");
    assertThat(d.literal(Watermark.of(LogicalType.decimal(38, 9), new BigDecimal("1E+3")))).isEqualTo("'1000'::numeric");
    assertThat(d.literal(Watermark.of(LogicalType.decimal(38, 9), new BigDecimal("-0.000000001"))))
        .isEqualTo("'-0.000000001'::numeric");
    assertThat(d.literal(Watermark.of(LogicalType.date(), LocalDate.of(1, 1, 1)))).isEqualTo("'0001-01-01'::date");
    assertThat(d.literal(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123456000))))
        .isEqualTo("'2024-02-29 23:59:59.123456'::timestamp");
    assertThat(d.literal(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0))))
        .isEqualTo("'2024-01-01 00:00:00'::timestamp");
    assertThat(d.literal(Watermark.of(LogicalType.timestampTz(6), Instant.parse("9999-12-31T23:59:59.999999Z"))))
        .isEqualTo("'9999-12-31 23:59:59.999999+00'::timestamptz");
    assertThat(d.literal(Watermark.of(LogicalType.string(), "it's a \\ test"))).isEqualTo("E'it''s a \\\\ test'");
  }

  @Test
  void mapsPostgresSqlStates() {
    assertThat(d.errorCode(new SQLException("x", "42P01"))).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    assertThat(d.errorCode(new SQLException("x", "42703"))).isEqualTo(ErrorCode.COLUMN_NOT_FOUND);
    assertThat(d.errorCode(new SQLException("x", "28P01"))).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(d.errorCode(new SQLException("x", "28000"))).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(d.errorCode(new SQLException("x", "08001"))).isEqualTo(ErrorCode.CONNECTION_FAILED);
    assertThat(d.errorCode(new SQLException("x", "23505"))).isEqualTo(ErrorCode.ROW_REJECTED);
    assertThat(d.errorCode(new SQLException("x", "22P02"))).isEqualTo(ErrorCode.CONVERSION_FAILED);
    assertThat(d.errorCode(new SQLException("x", "53300"))).isEqualTo(ErrorCode.CONNECTION_FAILED);
    assertThat(d.errorCode(new SQLException("x", "42501"))).isEqualTo(ErrorCode.STORE_ERROR);
  }
}
