package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * Writes a Parquet file and, when asked, reads it back. Loaded by {@link HadoopAbsenceTest} in a class loader
 * without Hadoop, so it uses only this module's classes and reports through strings.
 */
public final class HadoopFreeProbe {
  private HadoopFreeProbe() {
  }

  /** Writes {@code probe.parquet} under {@code dir} and returns its size. */
  public static String write(String dir) throws Exception {
    LocalFileStore store = new LocalFileStore(Path.of(dir));
    Schema schema = Schema.of(Field.of("id", LogicalType.int64()), Field.of("amount", LogicalType.decimal(38, 9)),
        Field.of("name", LogicalType.string()));
    RecordBatch batch = RecordBatch.allocate(schema, 2);
    batch.longs(0).set(0, 1);
    batch.objects(1).set(0, new BigDecimal("12.5"));
    batch.objects(2).set(0, "a");
    batch.longs(0).set(1, 2);
    batch.objects(1).setNull(1);
    batch.objects(2).set(1, "b");
    batch.setRowCount(2);
    for (ParquetCompression c : ParquetCompression.values()) {
      PendingFile file = store.create("probe-" + c + ".parquet");
      try (FormatWriter w = new ParquetFormat(c).openWriter(file, "probe", schema)) {
        w.write(batch, 0, 2);
      }
      file.commit();
    }
    return Long.toString(store.list("").get(0).size());
  }

  /** Reads the schema of every file {@link #write} wrote, as a sink checking a folder does. */
  public static String schemas(String dir) throws Exception {
    LocalFileStore store = new LocalFileStore(Path.of(dir));
    StringBuilder sb = new StringBuilder();
    for (FileInfo f : store.list("")) {
      sb.append(new ParquetFormat(ParquetCompression.ZSTD).readSchema(store, f)).append(';');
    }
    return sb.toString();
  }

  /** Reads the file {@link #write} wrote and returns its rows as text. */
  public static String read(String dir) {
    LocalFileStore store = new LocalFileStore(Path.of(dir));
    try {
      StringBuilder sb = new StringBuilder();
      for (FileInfo f : store.list("")) {
        ParquetFormat format = new ParquetFormat(ParquetCompression.ZSTD);
        Schema schema = format.readSchema(store, f);
        try (FormatReader r = format.openReader(store, f, schema, schema, 10)) {
          for (RecordBatch b = r.next(); b != null; b = r.next()) {
            for (int i = 0; i < b.rowCount(); i++) {
              sb.append(b.column(0).getObject(i)).append(',').append(b.column(1).getObject(i)).append(',')
                  .append(b.column(2).getObject(i)).append(';');
            }
          }
        }
      }
      return sb.toString();
    } catch (java.io.IOException | RuntimeException | LinkageError e) {
      return "FAILED " + e.getMessage();
    }
  }
}
