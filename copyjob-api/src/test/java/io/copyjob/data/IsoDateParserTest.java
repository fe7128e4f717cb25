package io.copyjob.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IsoDateParserTest {
  private static final List<String> DATE_TIMES = List.of("2024-01-02T03:04:05", "2024-01-02 03:04:05",
      "2024-01-02T03:04:05.1", "2024-01-02T03:04:05.123456", "2024-01-02T03:04:05.123456789", "0001-01-01T00:00:00",
      "2024-02-29T23:59:59.999999", "2023-02-29T00:00:00", "2024-13-01T00:00:00", "2024-01-02T24:00:00",
      "2024-01-02T03:60:00", "2024-01-02T03:04:05.", "2024-01-02T03:04:05.1234567890", "2024-01-02t03:04:05",
      "2024-01-02T03:04", "+10000-01-01T00:00:00", "2024-01-0xT03:04:05", "2024-01-02T03:04:05Z", "2024-1-02T03:04:05");
  private static final List<String> DATES = List.of("2024-01-02", "2024-02-29", "2023-02-29", "2024-00-10", "0000-01-01",
      "+10000-01-01", "2024-01-2", "2024/01/02", "2024-01-02 ");

  /** The hand-written path answers exactly what java.time answers, or leaves the text to it. */
  @Test
  void agreesWithJavaTimeOrDefersToIt() {
    for (String s : DATE_TIMES) {
      LocalDateTime fast = IsoDateParser.dateTime(s);
      if (fast != null) {
        assertThat(fast).as(s).isEqualTo(LocalDateTime.parse(s.replace(' ', 'T')));
      }
    }
    for (String s : DATES) {
      LocalDate fast = IsoDateParser.date(s);
      if (fast != null) {
        assertThat(fast).as(s).isEqualTo(LocalDate.parse(s));
      }
    }
  }

  @Test
  void readsTheCommonFormsAndRejectsInvalidValues() {
    assertThat(IsoDateParser.dateTime("2024-01-02 03:04:05.12")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000));
    assertThat(IsoDateParser.dateTime("2024-01-02T03:04:05.000000001")).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1));
    assertThat(IsoDateParser.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(IsoDateParser.date("2023-02-29")).isNull();
    assertThat(IsoDateParser.dateTime("2024-01-02T24:00:00")).isNull();
    for (String s : List.of("2023-02-29T00:00:00", "2024-01-02T24:00:00")) {
      assertThat(catchParse(s)).as(s).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static Throwable catchParse(String s) {
    try {
      TextValues.parse(LogicalType.timestamp(6), s);
      return null;
    } catch (IllegalArgumentException e) {
      assertThat(e.getCause()).isInstanceOf(DateTimeParseException.class);
      return e;
    }
  }
}
