package io.copyjob;

import io.copyjob.data.LogicalType;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteStrategy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which source tables a job copies and how: column selection, renames, conversions, copy mode and write
 * behaviour. Immutable; made through {@link CopyJob.Builder#table(String, java.util.function.Consumer)}.
 *
 * <p>The selector is a table name ({@code public.orders}) or a pattern in which {@code *} matches any run of
 * characters other than the dot and {@code ?} one such character ({@code public.*}, {@code sales.order_?}).
 * Column names refer to source columns; key columns of an upsert refer to destination columns.
 */
public final class TableSpec {
  private final String selector;
  private final List<String> columns;
  private final List<String> excludedColumns;
  private final String targetName;
  private final Map<String, String> columnRenames;
  private final Map<String, LogicalType> conversions;
  private final CopyMode mode;
  private final WriteStrategy writeStrategy;
  private final TableCreation creation;
  private final RejectPolicy rejects;

  private TableSpec(Builder b) {
    this.selector = b.selector;
    this.columns = List.copyOf(b.columns);
    this.excludedColumns = List.copyOf(b.excludedColumns);
    this.targetName = b.targetName;
    this.columnRenames = Collections.unmodifiableMap(new LinkedHashMap<>(b.columnRenames));
    this.conversions = Collections.unmodifiableMap(new LinkedHashMap<>(b.conversions));
    this.mode = b.mode;
    this.writeStrategy = b.writeStrategy;
    this.creation = b.creation;
    this.rejects = b.rejects;
  }

  /** A builder for the tables matching {@code selector}. */
  public static Builder builder(String selector) {
    return new Builder(selector);
  }

  /** The table name or pattern. */
  public String selector() { return selector; }

  /** Whether the selector is a pattern rather than one table's name. */
  public boolean isPattern() { return isPattern(selector); }

  static boolean isPattern(String selector) {
    return selector.indexOf('*') >= 0 || selector.indexOf('?') >= 0;
  }

  /** The source columns to copy, in order; empty means all. */
  public List<String> columns() { return columns; }

  /** Source columns to leave out. */
  public List<String> excludedColumns() { return excludedColumns; }

  /** The destination table name ({@code [namespace.]name}); empty means the source's name. */
  public Optional<String> targetName() { return Optional.ofNullable(targetName); }

  /** Destination column name by source column name. */
  public Map<String, String> columnRenames() { return columnRenames; }

  /** Target logical type by source column name. */
  public Map<String, LogicalType> conversions() { return conversions; }

  public CopyMode mode() { return mode; }

  public WriteStrategy writeStrategy() { return writeStrategy; }

  public TableCreation creation() { return creation; }

  /** How many rows may be rejected, and where they are logged; empty: the first bad row fails the table. */
  public Optional<RejectPolicy> rejects() { return Optional.ofNullable(rejects); }

  /** A builder holding this spec's settings, for editing. */
  public Builder toBuilder() {
    Builder b = new Builder(selector);
    b.columns.addAll(columns);
    b.excludedColumns.addAll(excludedColumns);
    b.targetName = targetName;
    b.columnRenames.putAll(columnRenames);
    b.conversions.putAll(conversions);
    b.mode = mode;
    b.writeStrategy = writeStrategy;
    b.creation = creation;
    b.rejects = rejects;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TableSpec t && t.selector.equals(selector) && t.columns.equals(columns)
        && t.excludedColumns.equals(excludedColumns) && Objects.equals(t.targetName, targetName)
        && t.columnRenames.equals(columnRenames) && t.conversions.equals(conversions) && t.mode.equals(mode)
        && t.writeStrategy.equals(writeStrategy) && t.creation == creation && Objects.equals(t.rejects, rejects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(selector, columns, excludedColumns, targetName, columnRenames, conversions, mode,
        writeStrategy, creation, rejects);
  }

  @Override
  public String toString() {
    return selector + (targetName == null ? "" : " -> " + targetName) + " " + mode + " " + writeStrategy
        + (columns.isEmpty() ? "" : " columns " + columns)
        + (excludedColumns.isEmpty() ? "" : " excluding " + excludedColumns)
        + (columnRenames.isEmpty() ? "" : " renames " + columnRenames)
        + (conversions.isEmpty() ? "" : " conversions " + conversions)
        + (rejects == null ? "" : " " + rejects);
  }

  /** Builds a {@link TableSpec}. Defaults: all columns, same names, full copy, append, create if absent. */
  public static final class Builder {
    private final String selector;
    private final List<String> columns = new ArrayList<>();
    private final List<String> excludedColumns = new ArrayList<>();
    private String targetName;
    private final Map<String, String> columnRenames = new LinkedHashMap<>();
    private final Map<String, LogicalType> conversions = new LinkedHashMap<>();
    private CopyMode mode = CopyMode.full();
    private WriteStrategy writeStrategy = WriteStrategy.append();
    private TableCreation creation = TableCreation.CREATE_IF_ABSENT;
    private RejectPolicy rejects;

    private Builder(String selector) {
      if (selector == null || selector.isBlank()) {
        throw new IllegalArgumentException("table selector must not be empty");
      }
      this.selector = selector;
    }

    /** Copies only these source columns, in this order (replaces an earlier selection). */
    public Builder columns(String... names) {
      columns.clear();
      columns.addAll(List.of(names));
      return this;
    }

    /** Leaves these source columns out. */
    public Builder excludeColumns(String... names) {
      excludedColumns.addAll(List.of(names));
      return this;
    }

    /** Writes to a destination table of another name ({@code [namespace.]name}); not allowed on patterns. */
    public Builder renameTo(String destinationName) {
      this.targetName = destinationName;
      return this;
    }

    /** Writes source column {@code source} as destination column {@code destination}. */
    public Builder renameColumn(String source, String destination) {
      columnRenames.put(source, destination);
      return this;
    }

    /** Converts source column {@code column} to {@code type} before writing it. */
    public Builder convert(String column, LogicalType type) {
      conversions.put(column, type);
      return this;
    }

    public Builder mode(CopyMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Every run copies every row. */
    public Builder full() { return mode(CopyMode.full()); }

    /** Every run after the first copies only rows whose {@code column} is above the saved watermark. */
    public Builder incremental(String column) { return mode(CopyMode.incremental(column)); }

    public Builder writeStrategy(WriteStrategy strategy) {
      this.writeStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public Builder append() { return writeStrategy(WriteStrategy.append()); }

    /** Upsert on these destination columns; none means the destination's primary key. */
    public Builder upsert(String... keys) { return writeStrategy(WriteStrategy.upsert(keys)); }

    public Builder overwrite() { return writeStrategy(WriteStrategy.overwrite()); }

    /** What to do when the destination table does not exist; by default it is created. */
    public Builder creation(TableCreation creation) {
      this.creation = Objects.requireNonNull(creation, "creation");
      return this;
    }

    /**
     * Skips rows that cannot be loaded, up to the policy's limit, instead of failing at the first; see
     * {@link RejectPolicy}. Null removes the policy.
     */
    public Builder rejects(RejectPolicy policy) {
      this.rejects = policy;
      return this;
    }

    public TableSpec build() {
      return new TableSpec(this);
    }
  }
}
