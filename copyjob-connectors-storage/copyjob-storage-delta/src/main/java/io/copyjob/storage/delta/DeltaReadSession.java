package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.Watermark;
import io.copyjob.storage.delta.kernel.KernelActions;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One read of one snapshot. For an incremental read Kernel is given {@code column > saved watermark}, and its data
 * skipping leaves out the files whose statistics show no row above it; the rows of the remaining files are then
 * filtered exactly. The upper bound is left to the engine (the largest value read): the snapshot is fixed, so no row
 * can land between the bound and the read.
 */
final class DeltaReadSession implements ReadSession {
  private final DeltaTables tables;
  private final Snapshot snapshot;
  private final ReadRequest request;
  private final Schema readSchema;
  private final int watermarkIndex;
  private final Watermark lower;
  private final DeltaColumnMapping mapping;

  DeltaReadSession(DeltaTables tables, Snapshot snapshot, ReadRequest request) {
    this.tables = tables;
    this.snapshot = snapshot;
    this.request = request;
    String table = request.dataset().id().toString();
    this.mapping = DeltaColumnMapping.of(snapshot.getSchema());
    Schema columns = request.columns();
    this.lower = request.lowerExclusive().orElse(null);
    if (lower != null && request.watermarkColumn().isPresent()) {
      String column = request.watermarkColumn().get();
      Field field = request.dataset().schema().find(column).orElseThrow(() -> CopyJobException.builder(
          ErrorCode.COLUMN_NOT_FOUND, "the incremental column '" + column + "' is not a column of the table")
          .table(table).column(column).build());
      int in = columns.indexOf(column);
      if (in >= 0) {
        this.readSchema = columns;
        this.watermarkIndex = in;
      } else {
        List<Field> with = new ArrayList<>(columns.fields());
        with.add(field);
        this.readSchema = Schema.of(with);
        this.watermarkIndex = columns.size();
      }
    } else {
      this.readSchema = columns;
      this.watermarkIndex = -1;
    }
  }

  @Override
  public List<Split> planSplits(Optional<Watermark> upperInclusive) {
    ScanBuilder scan = snapshot.getScanBuilder();
    if (watermarkIndex >= 0) {
      Field w = readSchema.field(watermarkIndex);
      Optional<Predicate> above = DeltaLiterals.above(w.name(), w.type(), lower);
      if (above.isPresent()) {
        scan = scan.withFilter(above.get());
      }
    }
    List<Split> splits = new ArrayList<>();
    try (CloseableIterator<FilteredColumnarBatch> files = scan.build().getScanFiles(tables.engine())) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> rows = files.next().getRows()) {
          while (rows.hasNext()) {
            Row file = rows.next();
            if (KernelActions.hasDeletionVector(file)) {
              throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the Delta table has deletion vectors, "
                  + "which copyjob cannot read yet").table(request.dataset().id().toString()).build();
            }
            FileStatus status = KernelActions.fileStatus(file);
            String path = tables.fileIO().storePath(status.getPath());
            splits.add(new DeltaSplit(path, status.getSize(), KernelActions.partitionValues(file),
                tables.store().displayName(path)));
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw tables.failure(request.dataset().id(), "list the data files of version " + snapshot.getVersion(), e);
    }
    return splits;
  }

  @Override
  public SplitReader openReader(Split split) {
    DeltaSplit s = (DeltaSplit) split;
    DeltaFileReader reader;
    try {
      reader = new DeltaFileReader(tables.store(), s.path(), s.size(), readSchema, mapping, s.partition(), request.batchRows());
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(request.dataset().id().toString()).build();
    }
    return new SplitReader() {
      @Override
      public RecordBatch next() {
        RecordBatch b;
        while ((b = reader.next()) != null) {
          RecordBatch out = watermarkIndex < 0 ? b : keepAbove(b);
          if (out.rowCount() > 0) {
            return out;
          }
        }
        return null;
      }

      @Override
      public long bytesRead() {
        return reader.bytesRead();
      }

      @Override
      public void close() {
        reader.close();
      }
    };
  }

  /** The rows above the saved watermark, with the request's columns only. */
  private RecordBatch keepAbove(RecordBatch b) {
    Schema columns = request.columns();
    RecordBatch out = RecordBatch.allocate(columns, Math.max(1, b.rowCount()));
    io.copyjob.data.ColumnVector w = b.column(watermarkIndex);
    int n = 0;
    for (int r = 0; r < b.rowCount(); r++) {
      if (!w.isNull(r) && Watermark.of(lower.type(), w.getObject(r)).compareTo(lower) > 0) {
        for (int c = 0; c < columns.size(); c++) {
          out.column(c).copyFrom(b.column(c), r, n);
        }
        n++;
      }
    }
    out.setRowCount(n);
    return out;
  }

  @Override
  public void close() {
    // The snapshot holds nothing open; each reader closes its file.
  }
}
