package io.copyjob.storage.delta;

import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.WriteRequest;
import io.copyjob.storage.delta.kernel.KernelActions;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Upsert by key as copy-on-write: the run's rows are already in new data files; this finds the live files that hold
 * any of their keys, rewrites each without those rows, and adds remove actions for the originals, so that the commit
 * replaces the old versions of the rows with the new ones at once. Files whose statistics show the first key
 * column's range outside the run's keys are skipped by Kernel without being read; the others are read first for
 * their keys only, and rewritten only when one matches.
 *
 * <p>The run's keys are held in memory (one entry per row of the run), which suits incremental upserts; a key the
 * run carries twice was reduced to its last row before ({@link DeltaRunKeys}).
 */
final class DeltaUpsert {
  private static final int BATCH_ROWS = 8192;

  private final DeltaTables tables;
  private final WriteRequest request;
  private final Snapshot snapshot;
  private final List<String> keys;
  private final StructType deltaSchema;
  private final DeltaWriteTransaction tx;
  private final DeltaOptions options;
  private final DeltaColumnMapping mapping;

  DeltaUpsert(DeltaTables tables, WriteRequest request, Snapshot snapshot, List<String> keys, StructType deltaSchema,
      DeltaWriteTransaction tx, DeltaOptions options) {
    this.tables = tables;
    this.request = request;
    this.snapshot = snapshot;
    this.keys = keys;
    this.deltaSchema = deltaSchema;
    this.tx = tx;
    this.options = options;
    this.mapping = DeltaColumnMapping.of(deltaSchema);
  }

  /** Rewrites the live files holding keys of {@code newFiles}; adds their removes to {@code actions}. */
  List<DeltaDataFile> rewrite(List<DeltaDataFile> newFiles, DeltaRunKeys keyReader, List<Row> actions)
      throws IOException {
    Schema tableSchema = DeltaTypeMapping.fromDelta(deltaSchema, request.target().toString());
    Schema keySchema = keyReader.keySchema();
    Set<List<Object>> runKeys = keyReader.keys(newFiles); // a NULL key replaces nothing: not among them
    if (runKeys.isEmpty()) {
      return List.of();
    }
    DeltaSplitWriter writer = tx.writer(DeltaWriteTransaction.filePrefix(request.runId()) + "-u", tableSchema);
    long now = System.currentTimeMillis();
    ScanBuilder scan = snapshot.getScanBuilder();
    Optional<Predicate> range = keyRange(keySchema.field(0), runKeys);
    if (range.isPresent()) {
      scan = scan.withFilter(range.get());
    }
    try (CloseableIterator<FilteredColumnarBatch> files = scan.build().getScanFiles(tables.engine(), true)) {
      while (files.hasNext()) {
        try (CloseableIterator<Row> rows = files.next().getRows()) {
          while (rows.hasNext()) {
            Row file = rows.next();
            FileStatus status = KernelActions.fileStatus(file);
            String path = tables.fileIO().storePath(status.getPath());
            boolean[] hit = {false};
            Map<String, String> partition = KernelActions.partitionValues(file);
            keyReader.forEachKey(path, status.getSize(), partition, keySchema, k -> hit[0] |= runKeys.contains(k));
            if (hit[0]) {
              copyWithout(path, status.getSize(), partition, tableSchema, runKeys, writer);
              actions.add(KernelActions.removeAction(file, now));
            }
          }
        }
      }
    }
    return ((DeltaFragment) writer.finish()).files();
  }

  /** Copies the rows of a file whose key the run does not write. */
  private void copyWithout(String path, long size, Map<String, String> partition, Schema tableSchema,
      Set<List<Object>> runKeys, DeltaSplitWriter writer) {
    int[] keyIndex = keys.stream().mapToInt(tableSchema::indexOf).toArray();
    try (DeltaFileReader reader = new DeltaFileReader(tables.store(), path, size, tableSchema, mapping, partition, BATCH_ROWS)) {
      RecordBatch b;
      while ((b = reader.next()) != null) {
        RecordBatch kept = RecordBatch.allocate(tableSchema, Math.max(1, b.rowCount()));
        int n = 0;
        for (int r = 0; r < b.rowCount(); r++) {
          if (!runKeys.contains(DeltaRunKeys.key(b, r, keyIndex))) {
            for (int c = 0; c < tableSchema.size(); c++) {
              kept.column(c).copyFrom(b.column(c), r, n);
            }
            n++;
          }
        }
        kept.setRowCount(n);
        writer.write(kept);
      }
    }
  }

  /** {@code first key between the run's smallest and largest}, for Kernel's data skipping. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Optional<Predicate> keyRange(Field first, Set<List<Object>> runKeys) {
    Comparable min = null;
    Comparable max = null;
    for (List<Object> k : runKeys) {
      Object v = k.get(0);
      if (!(v instanceof Comparable c) || v instanceof java.nio.ByteBuffer) {
        return Optional.empty();
      }
      min = min == null || c.compareTo(min) < 0 ? c : min;
      max = max == null || c.compareTo(max) > 0 ? c : max;
    }
    Optional<Literal> lo = DeltaLiterals.literal(first.type(), min);
    Optional<Literal> hi = DeltaLiterals.literal(first.type(), max);
    if (lo.isEmpty() || hi.isEmpty()) {
      return Optional.empty();
    }
    Column column = new Column(first.name());
    return Optional.of(new And(new Predicate(">=", column, lo.get()), new Predicate("<=", column, hi.get())));
  }
}
