package io.copyjob.sql.jdbc;

import java.util.OptionalLong;

/**
 * A half-open range of an integer key, {@code [lower, upper)}; the first range of a plan has no lower bound
 * and the last no upper bound, so that the ranges of a plan cover every key exactly once even if rows outside
 * the planned minimum and maximum existed. Immutable.
 */
public final class KeyRange {
  private final Long lower;
  private final Long upper;

  private KeyRange(Long lower, Long upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /** {@code [lower, upper)}; a null bound is open. */
  public static KeyRange of(Long lower, Long upper) {
    return new KeyRange(lower, upper);
  }

  /** The whole key space. */
  public static KeyRange all() {
    return new KeyRange(null, null);
  }

  public OptionalLong lower() { return lower == null ? OptionalLong.empty() : OptionalLong.of(lower); }

  public OptionalLong upper() { return upper == null ? OptionalLong.empty() : OptionalLong.of(upper); }

  /** The SQL condition on the quoted column, or {@code null} when the range is unbounded. */
  public String predicate(String quotedColumn) {
    if (lower == null && upper == null) {
      return null;
    }
    if (lower == null) {
      return quotedColumn + " < " + upper;
    }
    if (upper == null) {
      return quotedColumn + " >= " + lower;
    }
    return quotedColumn + " >= " + lower + " AND " + quotedColumn + " < " + upper;
  }

  /** {@code id in [1, 50000)} and the like, for logs and errors. */
  public String describe(String column) {
    if (lower == null && upper == null) {
      return "all rows";
    }
    if (lower == null) {
      return column + " < " + upper;
    }
    if (upper == null) {
      return column + " >= " + lower;
    }
    return column + " in [" + lower + ", " + upper + ")";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyRange k && java.util.Objects.equals(k.lower, lower) && java.util.Objects.equals(k.upper, upper);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(lower, upper);
  }

  @Override
  public String toString() {
    return describe("key");
  }
}
