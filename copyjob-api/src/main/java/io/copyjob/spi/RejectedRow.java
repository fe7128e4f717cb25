package io.copyjob.spi;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.TextValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row that could not be loaded: where it came from, which column failed and why, and, where the source has
 * them, the row's original bytes so that an error file can hold the row exactly as it was. Immutable.
 */
public final class RejectedRow {
  private final String location;
  private final long line;
  private final String rowKey;
  private final String column;
  private final String reason;
  private final byte[] raw;
  private final List<String> values;

  private RejectedRow(Builder b) {
    this.location = Objects.requireNonNull(b.location, "location");
    this.line = b.line;
    this.rowKey = b.rowKey;
    this.column = b.column;
    this.reason = Objects.requireNonNull(b.reason, "reason");
    this.raw = b.raw;
    this.values = b.values == null ? null : Collections.unmodifiableList(new ArrayList<>(b.values));
  }

  /**
   * The text form of each value of {@code row} of {@code batch} ({@link TextValues#toText}; null for NULL), for
   * rows known only as values: an error file can then show them where it has no raw bytes.
   */
  public static List<String> valuesOf(RecordBatch batch, int row) {
    List<String> out = new ArrayList<>(batch.columnCount());
    for (int c = 0; c < batch.columnCount(); c++) {
      ColumnVector v = batch.column(c);
      out.add(v.isNull(row) ? null : TextValues.toText(v.type(), v.getObject(row)));
    }
    return out;
  }

  /**
   * A row of {@code location} (a file as shown to users, or a split's description) rejected for
   * {@code reason}.
   */
  public static Builder builder(String location, String reason) {
    return new Builder(location, reason);
  }

  /** The file (as shown to users, without credentials) or split the row came from. */
  public String location() { return location; }

  /** The 1-based line (text files) or row number (other sources) where the row starts; 0 when unknown. */
  public long line() { return line; }

  /** The row's key, for sources with one ({@code id=42}). */
  public Optional<String> rowKey() { return Optional.ofNullable(rowKey); }

  /** The column whose value failed; empty for errors of the whole row (wrong field count, bad quoting). */
  public Optional<String> column() { return Optional.ofNullable(column); }

  /** Why the row was rejected, for people. */
  public String reason() { return reason; }

  /**
   * The row's bytes as they were in the input, with its row terminator; empty where the source cannot give
   * them (binary formats, database sources). A copy.
   */
  public Optional<byte[]> raw() { return Optional.ofNullable(raw).map(byte[]::clone); }

  /**
   * The row's values in text form (null entries for NULL), in the order of the columns read or written, where the
   * row is known as values rather than bytes; empty otherwise.
   */
  public Optional<List<String>> values() { return Optional.ofNullable(values); }

  /** Where and why, without the row's content: {@code orders.csv line 12, column qty: not an integer}. */
  public String describe() {
    return location + (line > 0 ? " line " + line : "") + (rowKey == null ? "" : " row " + rowKey)
        + (column == null ? "" : ", column " + column) + ": " + reason;
  }

  @Override
  public String toString() {
    return describe();
  }

  /** Builds a {@link RejectedRow}. */
  public static final class Builder {
    private final String location;
    private final String reason;
    private long line;
    private String rowKey;
    private String column;
    private byte[] raw;
    private List<String> values;

    private Builder(String location, String reason) {
      this.location = location;
      this.reason = reason;
    }

    public Builder line(long line) { this.line = line; return this; }

    public Builder rowKey(String rowKey) { this.rowKey = rowKey; return this; }

    public Builder column(String column) { this.column = column; return this; }

    /** The row's original bytes, with its terminator; the array is kept, not copied. */
    public Builder raw(byte[] raw) { this.raw = raw; return this; }

    /** The row's values in text form; see {@link RejectedRow#valuesOf}. */
    public Builder values(List<String> values) { this.values = values; return this; }

    public RejectedRow build() {
      return new RejectedRow(this);
    }
  }
}
