package io.copyjob.sql.jdbc;

import io.copyjob.spi.Watermark;
import java.util.Optional;

/**
 * The rows of an incremental read: the watermark column strictly above the saved value and at most the
 * captured upper bound, {@code (lower, upper]}. Rows equal to the saved value were copied by the run that saved
 * it, so the lower bound is strict. Immutable.
 */
public final class WatermarkRange {
  private final String column;
  private final Watermark lowerExclusive;
  private final Watermark upperInclusive;

  private WatermarkRange(String column, Watermark lowerExclusive, Watermark upperInclusive) {
    this.column = column;
    this.lowerExclusive = lowerExclusive;
    this.upperInclusive = upperInclusive;
  }

  /** A range on {@code column}; either bound may be absent. */
  public static WatermarkRange of(String column, Optional<Watermark> lowerExclusive, Optional<Watermark> upperInclusive) {
    return new WatermarkRange(column, lowerExclusive.orElse(null), upperInclusive.orElse(null));
  }

  public String column() { return column; }

  public Optional<Watermark> lowerExclusive() { return Optional.ofNullable(lowerExclusive); }

  public Optional<Watermark> upperInclusive() { return Optional.ofNullable(upperInclusive); }

  /** The SQL condition, with bounds as literals of the dialect; {@code null} when neither bound is set. */
  public String predicate(Dialect dialect) {
    String col = dialect.quoteIdentifier(column);
    String lower = lowerExclusive == null ? null : col + " > " + dialect.literal(lowerExclusive);
    String upper = upperInclusive == null ? null : col + " <= " + dialect.literal(upperInclusive);
    if (lower == null || upper == null) {
      return lower == null ? upper : lower;
    }
    return lower + " AND " + upper; // two plain comparisons: callers parenthesize when combining
  }
}
