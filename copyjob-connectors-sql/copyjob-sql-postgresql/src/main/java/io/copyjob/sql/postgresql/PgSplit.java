package io.copyjob.sql.postgresql;

import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.spi.Split;
import io.copyjob.spi.Watermark;
import java.util.Optional;

/**
 * A key range of a PostgreSQL table read by one reader (the whole table when the range is unbounded), with the
 * incremental upper bound the plan was made for (null when none).
 */
record PgSplit(String keyColumn, KeyRange range, Watermark upperInclusive) implements Split {

  Optional<Watermark> upper() {
    return Optional.ofNullable(upperInclusive);
  }

  /** The SQL condition on the key, or null for the whole table. */
  String predicate() {
    return keyColumn == null ? null : range.predicate(PostgresDialect.INSTANCE.quoteIdentifier(keyColumn));
  }

  @Override
  public String describe() {
    return keyColumn == null ? "all rows" : range.describe(keyColumn);
  }
}
