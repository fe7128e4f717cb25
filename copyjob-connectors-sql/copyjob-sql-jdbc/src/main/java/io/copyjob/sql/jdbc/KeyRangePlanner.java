package io.copyjob.sql.jdbc;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an integer key's {@code [min, max]} into equal ranges for parallel reads. Pure arithmetic: the caller
 * reads min and max in the read's snapshot.
 */
public final class KeyRangePlanner {
  private KeyRangePlanner() {
  }

  /**
   * At most {@code desired} ranges of nearly equal width covering {@code [min, max]}; the first is open below
   * and the last open above. One unbounded range when {@code desired <= 1}.
   */
  public static List<KeyRange> plan(long min, long max, int desired) {
    if (desired <= 1 || max <= min) {
      return List.of(KeyRange.all());
    }
    // BigInteger: max - min + 1 overflows a long for keys spanning the whole long range
    BigInteger span = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
    int n = span.compareTo(BigInteger.valueOf(desired)) < 0 ? span.intValueExact() : desired;
    List<KeyRange> ranges = new ArrayList<>(n);
    Long previous = null;
    for (int i = 1; i < n; i++) {
      long boundary = BigInteger.valueOf(min)
          .add(span.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n))).longValueExact();
      ranges.add(KeyRange.of(previous, boundary));
      previous = boundary;
    }
    ranges.add(KeyRange.of(previous, null));
    return ranges;
  }
}
