package io.copyjob.sql.jdbc;

import io.copyjob.spi.Split;
import io.copyjob.spi.Watermark;
import java.util.Optional;

/**
 * A key range of a table read by one reader (the whole table when {@code keyColumn} is null), with the incremental
 * upper bound the plan was made for (null when none). Immutable.
 */
public record JdbcSplit(String keyColumn, KeyRange range, Watermark upperInclusive) implements Split {

  /** The whole table. */
  public static JdbcSplit all(Watermark upperInclusive) {
    return new JdbcSplit(null, KeyRange.all(), upperInclusive);
  }

  /** The incremental upper bound of the read. */
  public Optional<Watermark> upper() {
    return Optional.ofNullable(upperInclusive);
  }

  /** The SQL condition on the key in {@code dialect}, or null for the whole table. */
  public String predicate(Dialect dialect) {
    return keyColumn == null ? null : range.predicate(dialect.quoteIdentifier(keyColumn));
  }

  @Override
  public String describe() {
    return keyColumn == null ? "all rows" : range.describe(keyColumn);
  }
}
