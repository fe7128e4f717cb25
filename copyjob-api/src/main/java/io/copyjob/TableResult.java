package io.copyjob;

import io.copyjob.spi.Watermark;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What one run did to one table. Immutable. */
public final class TableResult {
  private final String sourceTable;
  private final String destinationTable;
  private final TableStatus status;
  private final CopyMode mode;
  private final long rowsRead;
  private final long rowsWritten;
  private final long rowsRejected;
  private final long bytesRead;
  private final long bytesWritten;
  private final Instant startedAt;
  private final Duration duration;
  private final Watermark watermarkBefore;
  private final Watermark watermarkAfter;
  private final ErrorCode errorCode;
  private final String errorMessage;

  private TableResult(Builder b) {
    this.sourceTable = Objects.requireNonNull(b.sourceTable, "sourceTable");
    this.destinationTable = b.destinationTable == null ? b.sourceTable : b.destinationTable;
    this.status = Objects.requireNonNull(b.status, "status");
    this.mode = b.mode;
    this.rowsRead = b.rowsRead;
    this.rowsWritten = b.rowsWritten;
    this.rowsRejected = b.rowsRejected;
    this.bytesRead = b.bytesRead;
    this.bytesWritten = b.bytesWritten;
    this.startedAt = Objects.requireNonNull(b.startedAt, "startedAt");
    this.duration = Objects.requireNonNull(b.duration, "duration");
    this.watermarkBefore = b.watermarkBefore;
    this.watermarkAfter = b.watermarkAfter;
    this.errorCode = b.errorCode;
    this.errorMessage = b.errorMessage;
  }

  public static Builder builder(String sourceTable) {
    return new Builder(sourceTable);
  }

  /** The source table, {@code namespace.name}. */
  public String sourceTable() { return sourceTable; }

  /** The destination table, {@code namespace.name}. */
  public String destinationTable() { return destinationTable; }

  public TableStatus status() { return status; }

  public boolean succeeded() { return status == TableStatus.SUCCEEDED; }

  public CopyMode mode() { return mode; }

  /** Rows read from the source. */
  public long rowsRead() { return rowsRead; }

  /** Rows written to the destination (for an upsert: inserted plus updated); 0 for a failed table. */
  public long rowsWritten() { return rowsWritten; }

  /** Rows left out because they could not be loaded, where the job allows rejects. */
  public long rowsRejected() { return rowsRejected; }

  /** Bytes read from the source store, as it counts them (0 where unknown). */
  public long bytesRead() { return bytesRead; }

  /** Bytes written to the destination store, as it counts them (0 where unknown). */
  public long bytesWritten() { return bytesWritten; }

  public Instant startedAt() { return startedAt; }

  public Duration duration() { return duration; }

  /** The watermark this run started from; empty for a full copy or a first run. */
  public Optional<Watermark> watermarkBefore() { return Optional.ofNullable(watermarkBefore); }

  /** The watermark saved by this run (equal to the one before when no row was copied); empty when not saved. */
  public Optional<Watermark> watermarkAfter() { return Optional.ofNullable(watermarkAfter); }

  public Optional<ErrorCode> errorCode() { return Optional.ofNullable(errorCode); }

  /** The error of a failed table, with its context, secrets removed. */
  public Optional<String> error() { return Optional.ofNullable(errorMessage); }

  /** Rows read per second over the table's duration. */
  public double rowsPerSecond() {
    double seconds = duration.toNanos() / 1e9;
    return seconds <= 0 ? 0 : rowsRead / seconds;
  }

  /** A builder holding this result's values. */
  public Builder toBuilder() {
    Builder b = new Builder(sourceTable);
    b.destinationTable = destinationTable;
    b.status = status;
    b.mode = mode;
    b.rowsRead = rowsRead;
    b.rowsWritten = rowsWritten;
    b.rowsRejected = rowsRejected;
    b.bytesRead = bytesRead;
    b.bytesWritten = bytesWritten;
    b.startedAt = startedAt;
    b.duration = duration;
    b.watermarkBefore = watermarkBefore;
    b.watermarkAfter = watermarkAfter;
    b.errorCode = errorCode;
    b.errorMessage = errorMessage;
    return b;
  }

  @Override
  public String toString() {
    return sourceTable + " -> " + destinationTable + " " + status + " read=" + rowsRead + " written=" + rowsWritten
        + " rejected=" + rowsRejected + " in " + duration.toMillis() + " ms"
        + (watermarkAfter == null ? "" : " watermark " + watermarkBefore + " -> " + watermarkAfter)
        + (errorMessage == null ? "" : " error: " + errorMessage);
  }

  /** Builds a {@link TableResult}. */
  public static final class Builder {
    private final String sourceTable;
    private String destinationTable;
    private TableStatus status;
    private CopyMode mode = CopyMode.full();
    private long rowsRead;
    private long rowsWritten;
    private long rowsRejected;
    private long bytesRead;
    private long bytesWritten;
    private Instant startedAt;
    private Duration duration = Duration.ZERO;
    private Watermark watermarkBefore;
    private Watermark watermarkAfter;
    private ErrorCode errorCode;
    private String errorMessage;

    private Builder(String sourceTable) {
      this.sourceTable = sourceTable;
    }

    public Builder destinationTable(String v) { this.destinationTable = v; return this; }
    public Builder status(TableStatus v) { this.status = v; return this; }
    public Builder mode(CopyMode v) { this.mode = v; return this; }
    public Builder rowsRead(long v) { this.rowsRead = v; return this; }
    public Builder rowsWritten(long v) { this.rowsWritten = v; return this; }
    public Builder rowsRejected(long v) { this.rowsRejected = v; return this; }
    public Builder bytesRead(long v) { this.bytesRead = v; return this; }
    public Builder bytesWritten(long v) { this.bytesWritten = v; return this; }
    public Builder startedAt(Instant v) { this.startedAt = v; return this; }
    public Builder duration(Duration v) { this.duration = v; return this; }
    public Builder watermarkBefore(Watermark v) { this.watermarkBefore = v; return this; }
    public Builder watermarkAfter(Watermark v) { this.watermarkAfter = v; return this; }
    public Builder error(ErrorCode code, String message) { this.errorCode = code; this.errorMessage = message; return this; }

    public TableResult build() {
      return new TableResult(this);
    }
  }
}
