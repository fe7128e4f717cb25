package io.copyjob;

import io.copyjob.spi.RejectedRowsLog;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How many rows of a table may be rejected before the table fails, and where rejected rows are logged.
 *
 * <p>Without a policy (the default) the first row that cannot be loaded fails the table with an error naming
 * it. With one, such rows are skipped and counted ({@link TableResult#rowsRejected()}) until their number goes
 * beyond the limit; then the table fails and its destination is left unchanged. A row is rejected when it cannot
 * be parsed (wrong field count, bad quoting, invalid encoding), when a value does not convert to its column's
 * type or does not fit it, or when the destination refuses it and the connector can tell which row it was.
 * Immutable.
 */
public final class RejectPolicy {
  private final long maxRows;
  private final double maxPercent;
  private final RejectedRowsLog log;

  private RejectPolicy(long maxRows, double maxPercent, RejectedRowsLog log) {
    this.maxRows = maxRows;
    this.maxPercent = maxPercent;
    this.log = log;
  }

  /** At most {@code rows} rejected rows (COPY INTO's MAXERRORS); 0 fails at the first, after logging it. */
  public static RejectPolicy maxRows(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("the most rejected rows cannot be negative: " + rows);
    }
    return new RejectPolicy(rows, Double.NaN, null);
  }

  /**
   * At most {@code percent} of the rows read (0 to 100). Checked when every row was read, before the commit:
   * a percentage of a total is known only then.
   */
  public static RejectPolicy maxPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("the most rejected rows must be a percentage from 0 to 100: " + percent);
    }
    return new RejectPolicy(Long.MAX_VALUE, percent, null);
  }

  /** This policy, also writing every rejected row to {@code log}. */
  public RejectPolicy loggedTo(RejectedRowsLog log) {
    return new RejectPolicy(maxRows, maxPercent, Objects.requireNonNull(log, "log"));
  }

  /** The most rows that may be rejected; {@link Long#MAX_VALUE} for a percentage policy. */
  public long maxRows() { return maxRows; }

  /** The most rows that may be rejected as a percentage of the rows read; empty for a count policy. */
  public OptionalDouble maxPercent() {
    return Double.isNaN(maxPercent) ? OptionalDouble.empty() : OptionalDouble.of(maxPercent);
  }

  /** Where rejected rows are written, if anywhere. */
  public Optional<RejectedRowsLog> log() { return Optional.ofNullable(log); }

  @Override
  public boolean equals(Object o) {
    return o instanceof RejectPolicy p && p.maxRows == maxRows
        && Double.compare(p.maxPercent, maxPercent) == 0 && Objects.equals(p.log, log);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxRows, maxPercent, log);
  }

  @Override
  public String toString() {
    return "rejects up to " + (Double.isNaN(maxPercent) ? maxRows + " rows" : maxPercent + "%")
        + (log == null ? "" : " logged");
  }
}
