package io.copyjob.storage.delta;

import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The keys of an upsert's rows, read back from the data files the run wrote. A run may carry a key more than once
 * (a source without that primary key, or a row changed twice between runs of a change feed): as in PostgreSQL and
 * SQL Server, the row written last wins, so that the table never holds a key twice.
 */
final class DeltaRunKeys {
  private static final int BATCH_ROWS = 8192;

  private final DeltaTables tables;
  private final DeltaColumnMapping mapping;
  private final Schema tableSchema;
  private final Schema keySchema;
  private long replacedRows;
  /** The run's keys once read, without NULLs. */
  private java.util.Set<List<Object>> keys;

  DeltaRunKeys(DeltaTables tables, DeltaColumnMapping mapping, Schema tableSchema, List<String> keys) {
    this.tables = tables;
    this.mapping = mapping;
    this.tableSchema = tableSchema;
    List<Field> fields = new ArrayList<>();
    for (String k : keys) {
      fields.add(tableSchema.find(k).orElseThrow());
    }
    this.keySchema = Schema.of(fields);
  }

  /** Rows of the run that a later row of the same key replaced. */
  long replacedRows() {
    return replacedRows;
  }

  Schema keySchema() {
    return keySchema;
  }

  /**
   * The run's files with one row per key: files holding a row that a later-arrived row of the same key replaces are
   * rewritten by {@code writer} without it, and the originals, never committed, deleted. Rows with a NULL key
   * column are all kept. Returns {@code files} itself when every key is there once. {@link #replacedRows()} then
   * says how many rows were dropped.
   */
  List<DeltaDataFile> keepLastRowPerKey(List<DeltaDataFile> files, java.util.function.Supplier<DeltaSplitWriter> writers)
      throws IOException {
    Map<List<Object>, Seen> last = new HashMap<>();
    java.util.Set<Integer> holdingReplaced = new java.util.HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      int index = i;
      int[] row = {0};
      forEachKey(files.get(i), keySchema, k -> {
        long arrived = arrival(files.get(index), index, row[0]++);
        if (k == null) {
          return; // a NULL key matches no other row, as in SQL
        }
        Seen before = last.get(k);
        if (before == null || before.arrival() < arrived) {
          if (before != null) {
            holdingReplaced.add(before.file());
          }
          last.put(k, new Seen(arrived, index));
        } else {
          holdingReplaced.add(index);
        }
        if (before != null) {
          replacedRows++;
        }
      });
    }
    keys = last.keySet();
    if (holdingReplaced.isEmpty()) {
      return files;
    }
    DeltaSplitWriter writer = writers.get();
    List<DeltaDataFile> kept = new ArrayList<>();
    List<DeltaDataFile> replaced = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      DeltaDataFile f = files.get(i);
      if (holdingReplaced.contains(i)) {
        copyLastRows(f, i, last, writer);
        replaced.add(f);
      } else {
        kept.add(f);
      }
    }
    kept.addAll(((DeltaFragment) writer.finish()).files());
    for (DeltaDataFile f : replaced) {
      tables.store().delete(f.path());
    }
    return kept;
  }

  /**
   * The run's keys without NULLs: those {@link #keepLastRowPerKey} collected, else read from {@code files}.
   */
  java.util.Set<List<Object>> keys(List<DeltaDataFile> files) {
    if (keys == null) {
      java.util.Set<List<Object>> read = new java.util.HashSet<>();
      for (DeltaDataFile f : files) {
        forEachKey(f, keySchema, k -> {
          if (k != null) {
            read.add(k);
          }
        });
      }
      keys = read;
    }
    return keys;
  }

  /** Passes the key of every row of {@code file}, in order, to {@code sink}. */
  void forEachKey(DeltaDataFile file, Schema keys, Consumer<List<Object>> sink) {
    forEachKey(file.path(), file.size(), file.partitionText(), keys, sink);
  }

  void forEachKey(String path, long size, Map<String, String> partition, Schema keys, Consumer<List<Object>> sink) {
    try (DeltaFileReader reader = new DeltaFileReader(tables.store(), path, size, keys, mapping, partition, BATCH_ROWS)) {
      int[] all = java.util.stream.IntStream.range(0, keys.size()).toArray();
      RecordBatch b;
      while ((b = reader.next()) != null) {
        for (int r = 0; r < b.rowCount(); r++) {
          sink.accept(key(b, r, all));
        }
      }
    }
  }

  /**
   * The row's arrival number in the run: recorded by the upsert's writer (rows of a partitioned table spread over
   * several files), else its file's place in the list and its place in the file.
   */
  private static long arrival(DeltaDataFile f, int index, int row) {
    return f.rowOrder() != null ? f.rowOrder()[row] : ((long) index << 32) | row;
  }

  /** The row of a key that arrived last so far: its arrival number and the index of its file. */
  private record Seen(long arrival, int file) {
  }

  private void copyLastRows(DeltaDataFile f, int index, Map<List<Object>, Seen> last, DeltaSplitWriter writer) {
    int[] keyIndex = keyIndexes(tableSchema, keySchema);
    int row = 0;
    try (DeltaFileReader reader = new DeltaFileReader(tables.store(), f.path(), f.size(), tableSchema, mapping,
        f.partitionText(), BATCH_ROWS)) {
      RecordBatch b;
      while ((b = reader.next()) != null) {
        RecordBatch out = RecordBatch.allocate(tableSchema, Math.max(1, b.rowCount()));
        int n = 0;
        for (int r = 0; r < b.rowCount(); r++, row++) {
          List<Object> k = key(b, r, keyIndex);
          if (k == null || last.get(k).arrival() == arrival(f, index, row)) {
            for (int c = 0; c < tableSchema.size(); c++) {
              out.column(c).copyFrom(b.column(c), r, n);
            }
            n++;
          }
        }
        out.setRowCount(n);
        writer.write(out);
      }
    }
  }

  static int[] keyIndexes(Schema schema, Schema keys) {
    return keys.names().stream().mapToInt(schema::indexOf).toArray();
  }

  /**
   * The key of a row, comparable by value (binary values wrapped); null when a key column is NULL, since such a
   * row matches no other.
   */
  static List<Object> key(RecordBatch b, int row, int[] columns) {
    List<Object> key = new ArrayList<>(columns.length);
    for (int c : columns) {
      Object v = b.column(c).getObject(row);
      if (v == null) {
        return null;
      }
      key.add(v instanceof byte[] bytes ? java.nio.ByteBuffer.wrap(bytes) : v);
    }
    return key;
  }
}
