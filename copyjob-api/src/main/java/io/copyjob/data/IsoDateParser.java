package io.copyjob.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The common ISO forms {@code yyyy-MM-dd} and {@code yyyy-MM-dd[T| ]HH:mm:ss[.f…]} (1 to 9 fractional digits)
 * read by hand, without {@link java.time.format.DateTimeFormatter}'s generic machinery: profiling CSV → Parquet
 * showed {@code LocalDateTime.parse} and {@code LocalDate.parse} taking half the reader's time. Any other form,
 * and any invalid value, answers null so that the caller falls back to {@code java.time} and its messages.
 */
final class IsoDateParser {
  private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100,
      10, 1};

  private IsoDateParser() {
  }

  /** {@code yyyy-MM-dd}, or null. */
  static LocalDate date(String s) {
    return s.length() == 10 ? datePart(s) : null;
  }

  /** {@code yyyy-MM-dd[T| ]HH:mm:ss[.f…]}, or null. */
  static LocalDateTime dateTime(String s) {
    int n = s.length();
    if (n < 19 || n == 20 || n > 29 || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || s.charAt(13) != ':'
        || s.charAt(16) != ':' || (n > 19 && s.charAt(19) != '.')) {
      return null;
    }
    LocalDate date = datePart(s);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    int fraction = n > 19 ? digits(s, 20, n) : 0;
    if (date == null || (hour | minute | second | fraction) < 0) {
      return null;
    }
    int nanos = n > 19 ? fraction * NANOS_PER_DIGIT[n - 20] : 0;
    try {
      return LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate datePart(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    if ((year | month | day) < 0) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The decimal number in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
