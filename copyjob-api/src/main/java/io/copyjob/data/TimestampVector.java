package io.copyjob.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMP and TIMESTAMP_TZ values as microseconds since 1970-01-01T00:00 (local for TIMESTAMP, UTC for
 * TIMESTAMP_TZ), plus the nanoseconds below the microsecond (0 to 999) for types of precision 7 to 9.
 *
 * <p>Microseconds in a {@code long} cover years -290,000 to 290,000, so 0001-01-01 and 9999-12-31 fit
 * with room to spare; the extra nanoseconds make SQL Server's datetime2(7) lossless.
 */
public final class TimestampVector extends ColumnVector {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final long[] micros;
  private final short[] nanos;

  TimestampVector(LogicalType type, int capacity) {
    super(type, capacity);
    this.micros = new long[capacity];
    this.nanos = type.precision() > 6 ? new short[capacity] : null;
  }

  /** Microseconds since the epoch. */
  public long getMicros(int row) { return micros[row]; }

  /** Nanoseconds below the microsecond, 0 to 999; always 0 for precision 6 or less. */
  public int getNanosOfMicro(int row) { return nanos == null ? 0 : nanos[row]; }

  public void setMicros(int row, long epochMicros) {
    micros[row] = epochMicros;
    if (nanos != null) {
      nanos[row] = 0;
    }
    markSet(row);
  }

  /** Sets microseconds and the nanoseconds below them; the nanoseconds are dropped for precision 6 or less. */
  public void set(int row, long epochMicros, int nanosOfMicro) {
    micros[row] = epochMicros;
    if (nanos != null) {
      nanos[row] = (short) nanosOfMicro;
    }
    markSet(row);
  }

  /** Sets the value from seconds since the epoch and nanoseconds of the second. */
  public void setEpochSecond(int row, long epochSecond, int nanoOfSecond) {
    set(row, Math.addExact(Math.multiplyExact(epochSecond, MICROS_PER_SECOND), nanoOfSecond / 1000),
        nanoOfSecond % 1000);
  }

  /** Seconds since the epoch of {@code row}. */
  public long epochSecond(int row) {
    return Math.floorDiv(micros[row], MICROS_PER_SECOND);
  }

  /** Nanoseconds of the second of {@code row}. */
  public int nanoOfSecond(int row) {
    return (int) Math.floorMod(micros[row], MICROS_PER_SECOND) * 1000 + getNanosOfMicro(row);
  }

  @Override
  public Object getObject(int row) {
    if (isNull(row)) {
      return null;
    }
    if (type().id() == TypeId.TIMESTAMP_TZ) {
      return Instant.ofEpochSecond(epochSecond(row), nanoOfSecond(row));
    }
    return LocalDateTime.ofEpochSecond(epochSecond(row), nanoOfSecond(row), ZoneOffset.UTC);
  }

  @Override
  public void setObject(int row, Object value) {
    if (value == null) {
      setNull(row);
    } else if (value instanceof Instant i) {
      setEpochSecond(row, i.getEpochSecond(), i.getNano());
    } else if (value instanceof java.time.OffsetDateTime o) {
      setObject(row, o.toInstant());
    } else {
      LocalDateTime t = (LocalDateTime) value;
      setEpochSecond(row, t.toEpochSecond(ZoneOffset.UTC), t.getNano());
    }
  }

  @Override
  public long estimatedBytes(int rows) {
    return (nanos == null ? 9L : 11L) * rows;
  }

  @Override
  public void copyFrom(ColumnVector from, int row, int toRow) {
    if (from.isNull(row)) {
      setNull(toRow);
    } else {
      TimestampVector t = (TimestampVector) from;
      set(toRow, t.micros[row], t.getNanosOfMicro(row));
    }
  }
}
