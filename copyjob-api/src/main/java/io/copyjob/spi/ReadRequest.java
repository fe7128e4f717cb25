package io.copyjob.spi;

import io.copyjob.data.Schema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine asks a source to read from one dataset: which columns, which rows (the incremental lower
 * bound), and how to cut the work. Immutable.
 */
public final class ReadRequest {
  private final String jobName;
  private final DatasetInfo dataset;
  private final Schema columns;
  private final String watermarkColumn;
  private final Watermark lowerExclusive;
  private final int desiredSplits;
  private final int batchRows;
  private final RowRejects rejects;

  private ReadRequest(Builder b) {
    this.jobName = Objects.requireNonNull(b.jobName, "jobName");
    this.dataset = Objects.requireNonNull(b.dataset, "dataset");
    this.columns = Objects.requireNonNull(b.columns, "columns");
    this.watermarkColumn = b.watermarkColumn;
    this.lowerExclusive = b.lowerExclusive;
    this.desiredSplits = b.desiredSplits;
    this.batchRows = b.batchRows;
    this.rejects = b.rejects;
  }

  public static Builder builder(String jobName, DatasetInfo dataset) {
    return new Builder(jobName, dataset);
  }

  public String jobName() { return jobName; }

  /** The dataset as the source described it. */
  public DatasetInfo dataset() { return dataset; }

  /** The columns to read, in the order batches must have them, with their source types. */
  public Schema columns() { return columns; }

  /** The incremental column, a source column name; empty for a full read. */
  public Optional<String> watermarkColumn() { return Optional.ofNullable(watermarkColumn); }

  /** Read only rows whose watermark column is strictly greater than this; empty for the first run. */
  public Optional<Watermark> lowerExclusive() { return Optional.ofNullable(lowerExclusive); }

  /** How many splits the engine would like, matching the job's parallelism; a hint. */
  public int desiredSplits() { return desiredSplits; }

  /** Rows per batch the engine would like; readers may cut batches earlier to bound their bytes. */
  public int batchRows() { return batchRows; }

  /**
   * Where to hand rows that cannot be read (bad quoting, wrong field count, a value that does not parse) when
   * the job allows rejected rows; the reader then skips such a row. Empty: such a row fails the read with an
   * error naming it.
   */
  public Optional<RowRejects> rejects() { return Optional.ofNullable(rejects); }

  /** Names the columns of a row key for error messages: the dataset's primary key, where it has one. */
  public List<String> rowKeyColumns() { return dataset.primaryKey(); }

  /** Builds a {@link ReadRequest}. */
  public static final class Builder {
    private final String jobName;
    private final DatasetInfo dataset;
    private Schema columns;
    private String watermarkColumn;
    private Watermark lowerExclusive;
    private int desiredSplits = 1;
    private int batchRows = io.copyjob.data.RecordBatch.DEFAULT_CAPACITY;
    private RowRejects rejects;

    private Builder(String jobName, DatasetInfo dataset) {
      this.jobName = jobName;
      this.dataset = dataset;
      this.columns = dataset.schema();
    }

    public Builder columns(Schema columns) { this.columns = columns; return this; }
    public Builder watermarkColumn(String column) { this.watermarkColumn = column; return this; }
    public Builder lowerExclusive(Watermark lower) { this.lowerExclusive = lower; return this; }
    public Builder desiredSplits(int n) { this.desiredSplits = Math.max(1, n); return this; }
    public Builder batchRows(int n) { this.batchRows = Math.max(1, n); return this; }

    public Builder rejects(RowRejects rejects) { this.rejects = rejects; return this; }

    public ReadRequest build() {
      return new ReadRequest(this);
    }
  }
}
