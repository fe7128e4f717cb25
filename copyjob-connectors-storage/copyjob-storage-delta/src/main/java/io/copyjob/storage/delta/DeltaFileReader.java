package io.copyjob.storage.delta;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the wanted columns of one data file with copyjob's Parquet reader, by their physical names. A column the
 * file does not have (added to the table after the file was written) reads as NULL, as Delta's schema evolution
 * specifies.
 */
final class DeltaFileReader implements AutoCloseable {
  private final Schema wanted;
  private final int[] fromFile;
  /** The value of each wanted column the file does not hold: its partition value, or null. */
  private final Object[] constants;
  private final FormatReader reader;

  /**
   * @param partition the file's partition values as the log holds them (text, by physical name); a wanted column
   *                  found there reads as that constant
   */
  DeltaFileReader(FileStore store, String path, long size, Schema wanted, DeltaColumnMapping mapping,
      Map<String, String> partition, int batchRows) {
    ParquetFormat format = new ParquetFormat(io.copyjob.storage.files.format.parquet.ParquetCompression.NONE);
    FileInfo info = new FileInfo(path, size, Instant.EPOCH);
    Schema fileSchema = format.readSchema(store, info);
    this.wanted = wanted;
    this.fromFile = new int[wanted.size()];
    this.constants = new Object[wanted.size()];
    List<Field> present = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      Field f = wanted.field(i).withName(mapping.physical(wanted.field(i).name()));
      if (fileSchema.indexOf(f.name()) >= 0) {
        fromFile[i] = present.size();
        present.add(f);
      } else {
        fromFile[i] = -1;
        String value = partition.get(f.name());
        constants[i] = value == null ? null : partitionValue(wanted.field(i), value);
      }
    }
    if (present.isEmpty()) {
      // Only partition or added columns wanted: read one column of the file anyway, for the row count.
      present.add(fileSchema.field(0));
    }
    this.reader = format.openReader(store, info, fileSchema, Schema.of(present), batchRows);
  }

  /** The next batch with the wanted columns, or null at the end. */
  RecordBatch next() {
    RecordBatch in = reader.next();
    if (in == null) {
      return null;
    }
    ColumnVector[] columns = new ColumnVector[wanted.size()];
    for (int i = 0; i < columns.length; i++) {
      if (fromFile[i] >= 0) {
        columns[i] = in.column(fromFile[i]);
      } else {
        ColumnVector constant = ColumnVector.allocate(wanted.field(i).type(), in.rowCount());
        for (int r = 0; r < in.rowCount(); r++) {
          constant.setObject(r, constants[i]);
        }
        columns[i] = constant;
      }
    }
    return RecordBatch.of(wanted, columns, in.rowCount());
  }

  /** A partition value's text as Delta writes it ({@code 2024-01-01 10:00:00.5} for timestamps, in UTC). */
  private static Object partitionValue(Field f, String text) {
    String t = f.type().id() == io.copyjob.data.TypeId.TIMESTAMP_TZ && !text.endsWith("Z") && text.length() > 10
        && text.indexOf('+', 10) < 0 ? text + "Z" : text;
    try {
      return io.copyjob.data.TextValues.parse(f.type(), t);
    } catch (IllegalArgumentException e) {
      throw io.copyjob.CopyJobException.builder(io.copyjob.ErrorCode.BAD_INPUT, "the partition value '" + text
          + "' is not a " + f.type()).column(f.name()).cause(e).build();
    }
  }

  long bytesRead() {
    return reader.bytesRead();
  }

  @Override
  public void close() {
    reader.close();
  }
}
