package io.copyjob.sql.sqlserver;

import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.spi.Split;
import io.copyjob.spi.Watermark;
import java.util.Optional;

/** A primary-key range of a table, with the run's watermark upper bound. Immutable. */
record SqlServerSplit(String keyColumn, KeyRange range, Watermark upper) implements Split {

  String predicate() {
    return keyColumn == null ? null : range.predicate(SqlServerDialect.INSTANCE.quoteIdentifier(keyColumn));
  }

  Optional<Watermark> upperBound() {
    return Optional.ofNullable(upper);
  }

  @Override
  public String describe() {
    return keyColumn == null ? "all rows" : range.describe(keyColumn);
  }
}
