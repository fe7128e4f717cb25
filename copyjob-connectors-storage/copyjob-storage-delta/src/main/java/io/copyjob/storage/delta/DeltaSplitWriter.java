package io.copyjob.storage.delta;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.parquet.ParquetFileWriter;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.StorePaths;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches into Parquet data files in the table's folder with copyjob's Parquet writer, starting a new file
 * once one reaches the target size. Each file is published as soon as it is complete: a data file no log entry
 * names is invisible to Delta readers, and the transaction deletes it if the run does not commit.
 */
final class DeltaSplitWriter implements SplitWriter {
  private final FileStore store;
  private final ParquetFormat format;
  private final String folder;
  private final String prefix;
  private final Schema fileSchema;
  private final StructType deltaSchema;
  private final long targetFileSize;
  private final DeltaWriteTransaction tx;
  private final List<DeltaDataFile> done = new ArrayList<>();
  private final int[] uuidColumns;
  private PendingFile pending;
  private ParquetFileWriter writer;
  private long rows;
  private long bytes;
  private int seq;

  /**
   * @param schema      the columns of the batches, logical names
   * @param deltaSchema the table's schema; with column mapping the files hold its physical names
   */
  DeltaSplitWriter(DeltaWriteTransaction tx, FileStore store, ParquetFormat format, String folder, String prefix,
      Schema schema, StructType deltaSchema, long targetFileSize) {
    this.tx = tx;
    this.store = store;
    this.format = format;
    this.folder = folder;
    this.prefix = prefix;
    DeltaColumnMapping mapping = DeltaColumnMapping.of(deltaSchema);
    this.fileSchema = mapping.physical(DeltaTypeMapping.fileSchema(schema));
    this.deltaSchema = mapping.physical(deltaSchema);
    this.targetFileSize = targetFileSize;
    this.uuidColumns = java.util.stream.IntStream.range(0, schema.size())
        .filter(i -> schema.field(i).type().id() == TypeId.UUID).toArray();
  }

  @Override
  public void write(RecordBatch batch) {
    if (batch.rowCount() == 0) {
      return;
    }
    if (writer == null) {
      startFile();
    }
    writer.write(asFileBatch(batch), 0, batch.rowCount());
    rows += batch.rowCount();
    if (writer.estimatedBytes() >= targetFileSize) {
      endFile();
    }
  }

  /** The batch under the file schema: UUIDs become their text, JSON is already text. */
  private RecordBatch asFileBatch(RecordBatch batch) {
    ColumnVector[] columns = new ColumnVector[batch.columnCount()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = batch.column(i);
    }
    for (int c : uuidColumns) {
      ObjectVector text = (ObjectVector) ColumnVector.allocate(LogicalType.string(), batch.rowCount());
      ColumnVector uuids = batch.column(c);
      for (int r = 0; r < batch.rowCount(); r++) {
        if (uuids.isNull(r)) {
          text.setNull(r);
        } else {
          text.set(r, uuids.getObject(r).toString());
        }
      }
      columns[c] = text;
    }
    return RecordBatch.of(fileSchema, columns, batch.rowCount());
  }

  private void startFile() {
    String name = prefix + "-" + seq++ + "." + format.compression().name().toLowerCase(java.util.Locale.ROOT)
        + ".parquet";
    String path = StorePaths.join(folder, name);
    try {
      pending = store.create(path);
    } catch (IOException e) {
      throw FileErrors.storeError(store.displayName(path), "create the data file", e);
    }
    tx.track(pending);
    writer = format.openWriter(pending, store.displayName(path), fileSchema);
  }

  private void endFile() {
    writer.close();
    try {
      pending.commit();
    } catch (IOException e) {
      throw FileErrors.storeError(store.displayName(pending.path()), "publish the data file", e);
    }
    long size = pending.bytesWritten();
    done.add(new DeltaDataFile(pending.path(), size, DeltaFileStats.of(writer.footer(), deltaSchema)));
    bytes += size;
    writer = null;
    pending = null;
  }

  @Override
  public Fragment finish() {
    if (writer != null) {
      endFile();
    }
    return new DeltaFragment(done, rows, bytes);
  }

  @Override
  public void abort() {
    if (writer != null) {
      try {
        writer.close();
      } catch (RuntimeException e) {
        // The file is discarded below.
      }
      writer = null;
    }
    if (pending != null) {
      pending.abort();
      pending = null;
    }
    // Files already published are deleted by the transaction's abort, which tracks them all.
  }
}
