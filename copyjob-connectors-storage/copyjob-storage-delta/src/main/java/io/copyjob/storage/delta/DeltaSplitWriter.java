package io.copyjob.storage.delta;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
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
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes batches into Parquet data files with copyjob's Parquet writer, starting a new file once one reaches the
 * target size. In a partitioned table each partition value gets its own files in its folder
 * ({@code day=2024-01-01/}), without the partition columns, whose values the log keeps; at most
 * {@value #MAX_OPEN_FILES} files are open at once, so memory stays bounded however many partitions a run touches.
 * Each file is published as soon as it is complete: a data file no log entry names is invisible to Delta readers,
 * and the transaction deletes it if the run does not commit.
 */
final class DeltaSplitWriter implements SplitWriter {
  static final int MAX_OPEN_FILES = 16;

  private final FileStore store;
  private final ParquetFormat format;
  private final String prefix;
  private final Schema schema;
  private final Schema fileSchema;
  private final StructType statsSchema;
  private final long targetFileSize;
  private final DeltaWriteTransaction tx;
  private final DeltaColumnMapping mapping;
  private final int[] partitionColumns;
  private final int[] dataColumns;
  private final int[] uuidColumns;
  private final Map<List<Object>, OpenFile> open = new LinkedHashMap<>();
  private final List<DeltaDataFile> done = new ArrayList<>();
  private long rows;
  private long bytes;
  private int seq;
  /** Whether each file keeps its rows' arrival numbers (see {@link DeltaDataFile#rowOrder()}). */
  private boolean recordOrder;

  /** A file being written, for one partition value (the empty list without partitioning). */
  private static final class OpenFile {
    final Map<String, Literal> partition;
    final Map<String, String> partitionText;
    PendingFile pending;
    ParquetFileWriter writer;
    /** The arrival number of each row written, when the writer records the order. */
    long[] order = new long[0];
    int rows;

    void arrived(long number) {
      if (rows == order.length) {
        order = java.util.Arrays.copyOf(order, Math.max(1024, rows * 2));
      }
      order[rows++] = number;
    }

    OpenFile(Map<String, Literal> partition, Map<String, String> partitionText) {
      this.partition = partition;
      this.partitionText = partitionText;
    }
  }

  /**
   * @param schema      the columns of the batches, logical names
   * @param deltaSchema the table's schema; with column mapping the files hold its physical names
   * @param partitionBy the table's partition columns, empty when it has none
   */
  DeltaSplitWriter(DeltaWriteTransaction tx, FileStore store, ParquetFormat format, String prefix, Schema schema,
      StructType deltaSchema, List<String> partitionBy, long targetFileSize) {
    this.tx = tx;
    this.store = store;
    this.format = format;
    this.prefix = prefix;
    this.schema = schema;
    this.targetFileSize = targetFileSize;
    this.partitionColumns = partitionBy.stream().mapToInt(schema::indexOf).toArray();
    this.dataColumns = java.util.stream.IntStream.range(0, schema.size())
        .filter(i -> !partitionBy.contains(schema.field(i).name())).toArray();
    List<Field> data = new ArrayList<>();
    for (int i : dataColumns) {
      data.add(schema.field(i));
    }
    this.mapping = DeltaColumnMapping.of(deltaSchema);
    this.fileSchema = mapping.physical(DeltaTypeMapping.fileSchema(Schema.of(data)));
    this.statsSchema = mapping.physical(deltaSchema);
    this.uuidColumns = java.util.stream.IntStream.range(0, dataColumns.length)
        .filter(i -> data.get(i).type().id() == TypeId.UUID).toArray();
  }

  /** Makes each file keep its rows' arrival numbers, counted from {@link #rowsWritten()} of this writer. */
  DeltaSplitWriter recordingOrder() {
    this.recordOrder = true;
    return this;
  }

  @Override
  public void write(RecordBatch batch) {
    if (batch.rowCount() == 0) {
      return;
    }
    if (partitionColumns.length == 0) {
      write(List.of(), batch, null);
    } else {
      // Rows grouped by their partition value, each group written as its own batch.
      Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
      for (int r = 0; r < batch.rowCount(); r++) {
        List<Object> key = new ArrayList<>(partitionColumns.length);
        for (int c : partitionColumns) {
          key.add(batch.column(c).getObject(r));
        }
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
      for (Map.Entry<List<Object>, List<Integer>> g : groups.entrySet()) {
        RecordBatch part = RecordBatch.allocate(schema, g.getValue().size());
        int n = 0;
        for (int r : g.getValue()) {
          for (int c = 0; c < schema.size(); c++) {
            part.column(c).copyFrom(batch.column(c), r, n);
          }
          n++;
        }
        part.setRowCount(n);
        write(g.getKey(), part, g.getValue());
      }
    }
    rows += batch.rowCount();
  }

  /** Writes {@code batch}, whose rows are {@code rowsOfBatch} of the batch written (null: all, in order). */
  private void write(List<Object> key, RecordBatch batch, List<Integer> rowsOfBatch) {
    OpenFile file = open.get(key);
    if (file == null) {
      if (open.size() >= MAX_OPEN_FILES) {
        for (OpenFile f : new ArrayList<>(open.values())) {
          endFile(f);
        }
        open.clear();
      }
      file = startFile(key);
      open.put(key, file);
    }
    file.writer.write(asFileBatch(batch), 0, batch.rowCount());
    if (recordOrder) {
      for (int r = 0; r < batch.rowCount(); r++) {
        file.arrived(rows + (rowsOfBatch == null ? r : rowsOfBatch.get(r)));
      }
    }
    if (file.writer.estimatedBytes() >= targetFileSize) {
      endFile(file);
      open.remove(key);
    }
  }

  /** The batch under the file schema: no partition columns, UUIDs as their text (JSON is text already). */
  private RecordBatch asFileBatch(RecordBatch batch) {
    ColumnVector[] columns = new ColumnVector[dataColumns.length];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = batch.column(dataColumns[i]);
    }
    for (int c : uuidColumns) {
      ObjectVector text = (ObjectVector) ColumnVector.allocate(LogicalType.string(), batch.rowCount());
      ColumnVector uuids = columns[c];
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

  private OpenFile startFile(List<Object> key) {
    Map<String, Literal> partition = new LinkedHashMap<>();
    Map<String, String> text = new java.util.HashMap<>();
    for (int i = 0; i < partitionColumns.length; i++) {
      Field f = schema.field(partitionColumns[i]);
      Object v = key.get(i);
      partition.put(f.name(), v == null ? Literal.ofNull(DeltaTypeMapping.toDelta(f, tx.table()))
          : DeltaLiterals.literal(f.type(), v).orElseThrow());
      text.put(mapping.physical(f.name()), v == null ? null : io.copyjob.data.TextValues.toText(f.type(), v));
    }
    OpenFile file = new OpenFile(partition, text);
    String name = prefix + "-" + seq++ + "." + format.compression().name().toLowerCase(java.util.Locale.ROOT)
        + ".parquet";
    String path = StorePaths.join(tx.folder(partition), name);
    try {
      file.pending = store.create(path);
    } catch (IOException e) {
      throw FileErrors.storeError(store.displayName(path), "create the data file", e);
    }
    tx.track(file.pending);
    file.writer = format.openWriter(file.pending, store.displayName(path), fileSchema);
    return file;
  }

  private void endFile(OpenFile file) {
    file.writer.close();
    try {
      file.pending.commit();
    } catch (IOException e) {
      throw FileErrors.storeError(store.displayName(file.pending.path()), "publish the data file", e);
    }
    long size = file.pending.bytesWritten();
    done.add(new DeltaDataFile(file.pending.path(), size, DeltaFileStats.of(file.writer.footer(), statsSchema),
        file.partition, file.partitionText, recordOrder ? java.util.Arrays.copyOf(file.order, file.rows) : null));
    bytes += size;
  }

  @Override
  public Fragment finish() {
    for (OpenFile f : open.values()) {
      endFile(f);
    }
    open.clear();
    return new DeltaFragment(done, rows, bytes);
  }

  @Override
  public void abort() {
    for (OpenFile f : open.values()) {
      try {
        f.writer.close();
      } catch (RuntimeException e) {
        // The file is discarded below.
      }
      f.pending.abort();
    }
    open.clear();
    // Files already published are deleted by the transaction's abort, which tracks them all.
  }
}
