package io.copyjob.sql.postgresql;

/**
 * PostgreSQL's binary date and time values: dates are days and timestamps microseconds since 2000-01-01, times
 * microseconds of the day. {@code infinity} and {@code -infinity} are the extreme values of the integer type.
 */
final class PgTime {
  /** Days from 1970-01-01 to 2000-01-01. */
  static final int EPOCH_DAY_2000 = 10_957;
  /** Microseconds from 1970-01-01T00:00 to 2000-01-01T00:00. */
  static final long EPOCH_MICROS_2000 = 946_684_800_000_000L;
  static final long MICROS_PER_DAY = 86_400_000_000L;

  private PgTime() {
  }

  /** True for the date values that mean infinity or -infinity. */
  static boolean isInfiniteDate(int pgDays) {
    return pgDays == Integer.MAX_VALUE || pgDays == Integer.MIN_VALUE;
  }

  /** True for the timestamp values that mean infinity or -infinity. */
  static boolean isInfiniteTimestamp(long pgMicros) {
    return pgMicros == Long.MAX_VALUE || pgMicros == Long.MIN_VALUE;
  }

  static String infinityName(boolean positive) {
    return positive ? "infinity" : "-infinity";
  }
}
