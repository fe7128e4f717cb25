package io.copyjob.storage.orc;

import io.copyjob.CopyJobException;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.TypeDescription;

/**
 * Reads the stripes of one ORC file (or of a part of it) into batches: ORC decodes only the requested columns,
 * a row batch at a time, and {@link OrcColumnCopier}s move each column into the copyjob batch. Memory is bounded
 * by one stripe's requested streams plus one batch.
 */
final class OrcBatchReader implements FormatReader {
  /** Rows ORC decodes at a time, its own default. */
  private static final int ORC_BATCH_ROWS = 1024;
  /** Rows copied per column before the batch's bytes are checked. */
  private static final int CHUNK = 256;

  private final OrcFileReader file;
  private final Schema columns;
  private final int batchRows;
  private final RecordReader rows;
  private final VectorizedRowBatch orcBatch;
  private final int[] orcColumns;
  private final OrcColumnCopier[] copiers;
  private int orcRow;
  private boolean done;

  /**
   * Opens a reader of the stripes of {@code part} (those that start in its byte range) that returns batches of
   * {@code columns}, each a column of the file.
   */
  OrcBatchReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns, int batchRows) {
    this.file = new OrcFileReader(store, part.file(), part.describe(store.displayName(part.file().path())));
    try {
      // Hive writes 0-byte ORC files for empty buckets: no columns, no rows, so nothing to check or project.
      this.done = file.schema().size() == 0 && file.orc().getNumberOfRows() == 0;
      if (!done) {
        checkSameColumns(file.schema(), datasetSchema);
      }
      this.columns = columns;
      this.batchRows = Math.max(1, batchRows);
      TypeDescription orcSchema = file.orc().getSchema();
      List<String> names = orcSchema.getFieldNames();
      boolean[] include = new boolean[orcSchema.getMaximumId() + 1];
      include[0] = true;
      this.orcColumns = new int[columns.size()];
      this.copiers = new OrcColumnCopier[columns.size()];
      for (int c = 0; !done && c < columns.size(); c++) {
        Field f = columns.field(c);
        int index = names.indexOf(f.name());
        if (index < 0) {
          throw FileErrors.schemaMismatch(file.name(), "the file has no column '" + f.name() + "'; it has "
              + file.schema().names());
        }
        TypeDescription t = orcSchema.getChildren().get(index);
        for (int id = t.getId(); id <= t.getMaximumId(); id++) {
          include[id] = true;
        }
        orcColumns[c] = index;
        copiers[c] = OrcColumnCopier.forType(file.schema().field(index).type());
      }
      Reader.Options options = file.orc().options().include(include);
      if (!part.isWhole()) {
        options.range(part.start(), part.end() - part.start());
      }
      this.rows = file.orc().rows(options);
      this.orcBatch = orcSchema.createRowBatch(Math.min(ORC_BATCH_ROWS, this.batchRows));
    } catch (RuntimeException | IOException e) {
      file.close();
      throw file.failure(e);
    }
  }

  /** Same names with the same types, in any order. */
  private void checkSameColumns(Schema fileSchema, Schema datasetSchema) {
    boolean same = fileSchema.size() == datasetSchema.size();
    for (int i = 0; same && i < datasetSchema.size(); i++) {
      Field f = datasetSchema.field(i);
      int index = fileSchema.names().indexOf(f.name());
      same = index >= 0 && fileSchema.field(index).type().equals(f.type());
    }
    if (!same) {
      throw FileErrors.schemaMismatch(file.name(), "the file's columns " + fileSchema + " differ from the dataset's "
          + datasetSchema + " (taken from its first file)");
    }
  }

  @Override
  public RecordBatch next() {
    if (done) {
      return null;
    }
    RecordBatch batch = RecordBatch.allocate(columns, batchRows);
    int count = 0;
    try {
      while (count < batchRows) {
        if (orcRow == orcBatch.size) {
          if (!rows.nextBatch(orcBatch)) {
            done = true;
            break;
          }
          orcRow = 0;
          continue;
        }
        int n = Math.min(Math.min(CHUNK, batchRows - count), orcBatch.size - orcRow);
        for (int c = 0; c < copiers.length; c++) {
          copiers[c].copy(orcBatch.cols[orcColumns[c]], orcRow, batch.column(c), count, n);
        }
        orcRow += n;
        count += n;
        batch.setRowCount(count);
        if (batch.estimatedBytes() >= RecordBatch.DEFAULT_MAX_BYTES) {
          break;
        }
      }
    } catch (CopyJobException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw file.failure(e);
    }
    if (count == 0) {
      return null;
    }
    batch.setRowCount(count);
    return batch;
  }

  @Override
  public long bytesRead() {
    return file.bytesRead();
  }

  @Override
  public void close() {
    try {
      rows.close();
    } catch (IOException | RuntimeException e) {
      // Read-only: nothing to lose.
    }
    file.close();
  }
}
