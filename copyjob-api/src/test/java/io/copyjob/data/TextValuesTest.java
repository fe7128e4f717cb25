package io.copyjob.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TextValuesTest {

  @Test
  void datesAndTimesAreIsoWithEveryFractionalDigitTheValueHas() {
    assertThat(TextValues.toText(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)))
        .isEqualTo("2024-01-02T03:04:05.123456");
    assertThat(TextValues.toText(LogicalType.timestamp(9), LocalDateTime.of(2024, 1, 2, 3, 4, 0)))
        .isEqualTo("2024-01-02T03:04:00");
    assertThat(TextValues.toText(LogicalType.timestamp(9), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 100)))
        .isEqualTo("2024-01-02T03:04:05.0000001");
    assertThat(TextValues.toText(LogicalType.timestampTz(6), Instant.parse("0001-01-01T00:00:00.5Z")))
        .isEqualTo("0001-01-01T00:00:00.5Z");
    assertThat(TextValues.toText(LogicalType.timestampTz(6), Instant.parse("1969-12-31T23:59:59.999999Z")))
        .isEqualTo("1969-12-31T23:59:59.999999Z");
    assertThat(TextValues.toText(LogicalType.date(), LocalDate.of(1, 1, 1))).isEqualTo("0001-01-01");
    assertThat(TextValues.toText(LogicalType.date(), LocalDate.of(10000, 1, 1))).isEqualTo("+10000-01-01");
    assertThat(TextValues.toText(LogicalType.time(6), LocalTime.of(3, 4))).isEqualTo("03:04:00");
  }

  @Test
  void decimalsArePlainAndBinaryIsBase64() {
    assertThat(TextValues.toText(LogicalType.decimal(38, 0), new BigDecimal("1E+20"))).isEqualTo("100000000000000000000");
    assertThat(TextValues.toText(LogicalType.decimal(38, 9), new BigDecimal("1E-9"))).isEqualTo("0.000000001");
    assertThat(TextValues.toText(LogicalType.binary(), new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("+/8=");
    assertThat(TextValues.toText(LogicalType.bool(), false)).isEqualTo("false");
  }

  @Test
  void parsesCommonVariantsAndRejectsGarbage() {
    assertThat(TextValues.parse(LogicalType.timestamp(6), "2024-01-02 03:04:05"))
        .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    assertThat(TextValues.parse(LogicalType.timestampTz(6), "2024-01-02T05:04:05+02:00"))
        .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(TextValues.parse(LogicalType.int8(), "-128")).isEqualTo((byte) -128);
    assertThatThrownBy(() -> TextValues.parse(LogicalType.int8(), "128")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TextValues.parse(LogicalType.date(), "02/01/2024"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("02/01/2024");
  }
}
