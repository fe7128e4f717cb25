package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter.Mode;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one Parquet file without Hadoop at run time: a {@link PlainParquetConfiguration}, our own
 * {@link StoreOutputFile} and {@link HadoopFreeCodecFactory}, and {@link BatchWriteSupport} feeding vectors in.
 * Public so that table formats (Delta) can take the column statistics of the written file from {@link #footer()}.
 */
public final class ParquetFileWriter implements FormatWriter {
  private final String file;
  private final BatchWriteSupport support;
  private final BatchWriteSupport.RowCursor cursor = new BatchWriteSupport.RowCursor();
  private final ParquetWriter<BatchWriteSupport.RowCursor> writer;
  private long rows;
  private boolean closed;

  ParquetFileWriter(PendingFile target, String file, Schema schema, ParquetCompression compression,
      long rowGroupBytes) {
    this.file = file;
    this.support = new BatchWriteSupport(schema);
    try {
      this.writer = new Builder(new StoreOutputFile(target), support)
          .withConf(new PlainParquetConfiguration())
          .withCodecFactory(HadoopFreeCodecFactory.INSTANCE)
          .withCompressionCodec(compression.codec())
          .withRowGroupSize(rowGroupBytes)
          .withWriteMode(Mode.OVERWRITE)
          .build();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "start the file", e);
    }
  }

  @Override
  public void write(RecordBatch batch, int from, int to) {
    cursor.batch = batch;
    try {
      for (int r = from; r < to; r++) {
        cursor.row = r;
        writer.write(cursor);
      }
    } catch (IOException e) {
      throw FileErrors.storeError(file, "write the file", e);
    } finally {
      cursor.batch = null;
    }
    rows += to - from;
  }

  @Override
  public long rows() {
    return rows;
  }

  /** Bytes written plus the row group buffered in memory. */
  @Override
  public long estimatedBytes() {
    return writer.getDataSize();
  }

  /**
   * The footer of the finished file, with each row group's column statistics (min, max, null count); only after
   * {@link #close()}.
   */
  public org.apache.parquet.hadoop.metadata.ParquetMetadata footer() {
    if (!closed) {
      throw new IllegalStateException("the footer of " + file + " is written on close");
    }
    return writer.getFooter();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      writer.close();
    } catch (IOException e) {
      throw FileErrors.storeError(file, "finish the file", e);
    }
  }

  /** Hands Parquet our write support whatever configuration type it asks with. */
  private static final class Builder extends ParquetWriter.Builder<BatchWriteSupport.RowCursor, Builder> {
    private final WriteSupport<BatchWriteSupport.RowCursor> support;

    Builder(OutputFile file, WriteSupport<BatchWriteSupport.RowCursor> support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    // Abstract in Parquet's API; never called with a PlainParquetConfiguration, and Hadoop need not be present.
    @Override
    @SuppressWarnings("deprecation")
    protected WriteSupport<BatchWriteSupport.RowCursor> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return support;
    }

    @Override
    protected WriteSupport<BatchWriteSupport.RowCursor> getWriteSupport(ParquetConfiguration conf) {
      return support;
    }
  }
}
