package io.copyjob.storage.files.format.declared;

/**
 * Parses dates, times and timestamps straight from ASCII bytes, as COPY INTO reads them: ISO
 * {@code yyyy-mm-dd} always, otherwise three numeric parts separated by {@code /}, {@code -} or {@code .} in the
 * {@link DateOrder}; a time {@code hh:mm[:ss[.fffffffff]]} after a space or {@code T}; fraction digits beyond
 * the precision are cut off (truncated, not rounded). No objects are made for valid values.
 */
final class DateTimeText {
  private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
      1_000_000_000};

  private final byte[] b;
  private final int end;
  private final Object type;
  private final int start;
  private DateOrder order;
  private int i;

  private DateTimeText(byte[] b, int off, int end, Object type) {
    this.b = b;
    this.start = off;
    this.i = off;
    this.end = end;
    this.type = type;
  }

  /** The epoch day of a date, optionally followed by a time that is ignored (a date has no time). */
  static long date(byte[] b, int off, int end, DateOrder order, Object type) {
    DateTimeText t = new DateTimeText(b, off, end, type);
    long day = t.date(order);
    if (t.i < end) {
      t.separatorBeforeTime();
      t.timeOfDay(0);
      t.expectEnd();
    }
    return day;
  }

  /** Nanoseconds of the day of a time, truncated to {@code precision} fraction digits. */
  static long time(byte[] b, int off, int end, int precision, Object type) {
    DateTimeText t = new DateTimeText(b, off, end, type);
    long nanos = t.timeOfDay(precision);
    t.expectEnd();
    return nanos;
  }

  /**
   * Epoch seconds times a billion plus nanos is too large for a long; returns them through {@code out}:
   * {@code out[0]} epoch second, {@code out[1]} nano of second. With {@code zoned}, an offset ({@code Z},
   * {@code +hh:mm}) may follow and is applied; without one the value is UTC.
   */
  static void timestamp(byte[] b, int off, int end, DateOrder order, int precision, boolean zoned, long[] out,
      Object type) {
    DateTimeText t = new DateTimeText(b, off, end, type);
    long day = t.date(order);
    long nanoOfDay = 0;
    if (t.i < end && !(zoned && t.offsetStarts())) {
      t.separatorBeforeTime();
      nanoOfDay = t.timeOfDay(precision);
    }
    long offsetSeconds = 0;
    if (t.i < end && zoned) {
      offsetSeconds = t.offset();
    }
    t.expectEnd();
    out[0] = day * 86_400L + nanoOfDay / 1_000_000_000L - offsetSeconds;
    out[1] = nanoOfDay % 1_000_000_000L;
  }

  private long date(DateOrder order) {
    this.order = order;
    int p0 = i;
    int a = number(4);
    int aDigits = i - p0;
    if (i >= end) {
      throw bad();
    }
    byte sep = b[i];
    if (sep != '-' && sep != '/' && sep != '.') {
      throw bad();
    }
    i++;
    int p1 = i;
    int m = number(4);
    int bDigits = i - p1;
    if (i >= end || b[i] != sep) {
      throw bad();
    }
    i++;
    int p2 = i;
    int c = number(4);
    int cDigits = i - p2;
    if (aDigits == 4 && sep == '-' && bDigits <= 2 && cDigits <= 2 && valid(a, m, c)) {
      return epochDay(a, m, c); // ISO, whatever the order
    }
    int y = order.yearPart();
    int year = pick(y, a, m, c);
    int yearDigits = pick(y, aDigits, bDigits, cDigits);
    if (yearDigits == 2) {
      year += year < 50 ? 2000 : 1900; // SQL Server's two-digit year cutoff, 2049
    } else if (yearDigits != 4) {
      throw bad();
    }
    if (pick(order.monthPart(), aDigits, bDigits, cDigits) > 2
        || pick(order.dayPart(), aDigits, bDigits, cDigits) > 2) {
      throw bad();
    }
    int month = pick(order.monthPart(), a, m, c);
    int day = pick(order.dayPart(), a, m, c);
    if (!valid(year, month, day)) {
      throw bad();
    }
    return epochDay(year, month, day);
  }

  private void separatorBeforeTime() {
    if (b[i] == 'T' || b[i] == ' ') {
      i++;
      while (i < end && b[i] == ' ') {
        i++;
      }
      return;
    }
    throw bad();
  }

  private long timeOfDay(int precision) {
    int h = number(2);
    if (i >= end || b[i] != ':') {
      throw bad();
    }
    i++;
    int min = number(2);
    int s = 0;
    long nanos = 0;
    if (i < end && b[i] == ':') {
      i++;
      s = number(2);
      if (i < end && b[i] == '.') {
        i++;
        int digits = 0;
        int frac = 0;
        int p = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
          if (digits < 9) {
            frac = frac * 10 + (b[i] - '0');
            digits++;
          }
          i++;
        }
        if (i == p) {
          throw bad();
        }
        // Keep the first `precision` digits: truncation, not rounding.
        int kept = Math.min(digits, precision);
        nanos = (long) (frac / POW10[digits - kept]) * POW10[9 - kept];
      }
    }
    if (h > 23 || min > 59 || s > 59) {
      throw bad();
    }
    return ((h * 60L + min) * 60 + s) * 1_000_000_000L + nanos;
  }

  private boolean offsetStarts() {
    return b[i] == 'Z' || b[i] == 'z' || b[i] == '+' || (b[i] == '-' && i > start);
  }

  private long offset() {
    if (b[i] == 'Z' || b[i] == 'z') {
      i++;
      return 0;
    }
    if (b[i] != '+' && b[i] != '-') {
      throw bad();
    }
    int sign = b[i] == '-' ? -1 : 1;
    i++;
    int h = number(2);
    int m = 0;
    if (i < end && b[i] == ':') {
      i++;
      m = number(2);
    }
    if (h > 18 || m > 59) {
      throw bad();
    }
    return sign * (h * 3600L + m * 60L);
  }

  /** 1 to {@code maxDigits} digits. */
  private int number(int maxDigits) {
    int v = 0;
    int p = i;
    while (i < end && b[i] >= '0' && b[i] <= '9' && i - p < maxDigits) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    if (i == p) {
      throw bad();
    }
    return v;
  }

  private void expectEnd() {
    if (i != end) {
      throw bad();
    }
  }

  private BadValue bad() {
    return new BadValue("'" + NumberText.abbreviated(b, start, end) + "' is not a " + type
        + (order == null ? "" : " in the date format " + order.name().toLowerCase(java.util.Locale.ROOT)
        + " (or ISO yyyy-mm-dd)"));
  }

  /** Part {@code k} (0, 1, 2) of three. */
  private static int pick(int k, int p0, int p1, int p2) {
    return k == 0 ? p0 : k == 1 ? p1 : p2;
  }

  private static boolean valid(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
  }

  static boolean isLeap(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2: return isLeap(year) ? 29 : 28;
      case 4: case 6: case 9: case 11: return 30;
      default: return 31;
    }
  }

  /** Days since 1970-01-01 of a valid proleptic Gregorian date (as {@code LocalDate.toEpochDay}). */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - 719_528L;
  }
}
