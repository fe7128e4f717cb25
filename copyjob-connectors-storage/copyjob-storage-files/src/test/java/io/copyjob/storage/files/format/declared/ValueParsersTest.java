package io.copyjob.storage.files.format.declared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** COPY INTO's value semantics, value by value. */
class ValueParsersTest {

  private static Object parse(String type, String text, DateOrder order) {
    DeclaredColumn c = new DeclaredColumn("c", LogicalType.parse(type), true, 1, JsonPath.member("c"), null);
    ColumnVector v = ColumnVector.allocate(c.type(), 1);
    ValueParsers.forColumn(c, order).parse(text, v, 0);
    return v.getObject(0);
  }

  private static Object parse(String type, String text) {
    return parse(type, text, DateOrder.MDY);
  }

  @ParameterizedTest
  @CsvSource({"MDY, 12/31/2024", "DMY, 31/12/2024", "YMD, 2024/12/31", "YDM, 2024-31-12", "MYD, 12.2024.31",
      "DYM, 31-2024-12", "DMY, 31/12/24", "MDY, 2024-12-31", "YDM, 2024-12-31"})
  void everyDateOrderAndIsoRead(DateOrder order, String text) {
    assertThat(parse("DATE", text, order)).isEqualTo(LocalDate.of(2024, 12, 31));
  }

  @Test
  void twoDigitYearsUseTheCutoffAndBadDatesAreRejected() {
    assertThat(parse("DATE", "1/2/49", DateOrder.MDY)).isEqualTo(LocalDate.of(2049, 1, 2));
    assertThat(parse("DATE", "1/2/50", DateOrder.MDY)).isEqualTo(LocalDate.of(1950, 1, 2));
    assertThat(parse("DATE", "0001-01-01")).isEqualTo(LocalDate.of(1, 1, 1));
    assertThat(parse("DATE", "1900-03-01")).isEqualTo(LocalDate.of(1900, 3, 1));
    for (String bad : new String[] {"2023-02-29", "13/01/2024", "2024/1", "2024-01-01x", "31/12/2024", "12/31/2024 25:00"}) {
      assertThatThrownBy(() -> parse("DATE", bad)).as(bad).isInstanceOf(BadValue.class)
          .hasMessageContaining("date format mdy");
    }
  }

  @Test
  void decimalsTruncateTowardZeroAndOverflowIsRejected() {
    assertThat(parse("DECIMAL(12,2)", "1.239")).isEqualTo(new BigDecimal("1.23"));
    assertThat(parse("DECIMAL(12,2)", "-1.239")).isEqualTo(new BigDecimal("-1.23"));
    assertThat(parse("DECIMAL(12,2)", " +007 ")).isEqualTo(new BigDecimal("7.00"));
    assertThat(parse("DECIMAL(38,10)", "1234567890123456789012.12345678999"))
        .isEqualTo(new BigDecimal("1234567890123456789012.1234567899"));
    assertThat(parse("DECIMAL(12,2)", "1.5e3")).isEqualTo(new BigDecimal("1500.00"));
    assertThat(parse("DECIMAL(5,0)", "-99999.9")).isEqualTo(new BigDecimal("-99999"));
    assertThatThrownBy(() -> parse("DECIMAL(5,0)", "100000")).hasMessageContaining("overflows DECIMAL(5,0)");
    assertThatThrownBy(() -> parse("DECIMAL(5,2)", "1e10")).hasMessageContaining("overflows");
    assertThatThrownBy(() -> parse("DECIMAL(5,2)", "1.2.3")).hasMessageContaining("is not a DECIMAL(5,2)");
  }

  @Test
  void integersCheckTheirRangeAndEmptyIsNull() {
    assertThat(parse("INT64", "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(parse("INT64", "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> parse("INT64", "9223372036854775808")).hasMessageContaining("out of range for INT64");
    assertThatThrownBy(() -> parse("INT16", "-32769")).hasMessageContaining("out of range for INT16");
    assertThatThrownBy(() -> parse("INT32", "1.0")).hasMessageContaining("is not a INT32");
    assertThat(parse("INT32", "  ")).isNull();
    assertThat(parse("STRING", "")).isEqualTo(""); // text values keep the empty string (JSON tells it from null)
  }

  @Test
  void fractionsBeyondThePrecisionAreTruncated() {
    assertThat(parse("TIMESTAMP(3)", "2024-01-02 03:04:05.123999")).isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05.123"));
    assertThat(parse("TIMESTAMP(0)", "2024-01-02T03:04:05.999")).isEqualTo(LocalDateTime.parse("2024-01-02T03:04:05"));
    assertThat(parse("TIMESTAMP(9)", "1969-12-31 23:59:59.123456789")).isEqualTo(
        LocalDateTime.parse("1969-12-31T23:59:59.123456789"));
    assertThat(parse("TIMESTAMP_TZ(6)", "2024-01-02 00:30:00-01:30")).isEqualTo(Instant.parse("2024-01-02T02:00:00Z"));
    assertThat(parse("TIMESTAMP_TZ(6)", "2024-01-02Z")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z"));
  }
}
