package io.copyjob;

import java.util.Objects;
import java.util.Optional;

/**
 * What a run reads from a table: everything ({@link #full()}), or only the rows whose incremental column is
 * above the watermark saved by the previous successful run ({@link #incremental(String)}).
 *
 * <p>An incremental run captures the column's maximum before it reads and copies the rows in
 * {@code (saved, maximum]}; rows that land during the run are taken by the next one. The first run has no
 * saved watermark and copies everything up to the maximum.
 */
public final class CopyMode {
  /** Full or incremental. */
  public enum Kind { FULL, INCREMENTAL }

  private static final CopyMode FULL = new CopyMode(Kind.FULL, null);

  private final Kind kind;
  private final String column;

  private CopyMode(Kind kind, String column) {
    this.kind = kind;
    this.column = column;
  }

  public static CopyMode full() { return FULL; }

  /**
   * Incremental on {@code column}, a source column whose value grows with every insert and update: a
   * timestamp, a date or an increasing integer.
   */
  public static CopyMode incremental(String column) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException("incremental copy needs a column");
    }
    return new CopyMode(Kind.INCREMENTAL, column);
  }

  public Kind kind() { return kind; }

  /** The incremental column (a source column name); empty for a full copy. */
  public Optional<String> column() { return Optional.ofNullable(column); }

  public boolean isIncremental() { return kind == Kind.INCREMENTAL; }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopyMode m && m.kind == kind && Objects.equals(m.column, column);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, column);
  }

  @Override
  public String toString() {
    return kind == Kind.FULL ? "full" : "incremental(" + column + ")";
  }
}
