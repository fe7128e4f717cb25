package io.copyjob.storage.files;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Rows with every logical type and its edge values, and helpers to write and read them through a format. */
public final class TestData {
  private TestData() {
  }

  /** Every non-nested type; DECIMAL in the three Parquet widths, time types at micro and nano precision. */
  public static final Schema ALL_TYPES = Schema.of(
      Field.of("b", LogicalType.bool()),
      Field.of("i8", LogicalType.int8()),
      Field.of("i16", LogicalType.int16()),
      Field.of("i32", LogicalType.int32()),
      Field.of("i64", LogicalType.int64()),
      Field.of("f32", LogicalType.float32()),
      Field.of("f64", LogicalType.float64()),
      Field.of("d9", LogicalType.decimal(9, 2)),
      Field.of("d18", LogicalType.decimal(18, 0)),
      Field.of("d38", LogicalType.decimal(38, 9)),
      Field.of("s", LogicalType.string()),
      Field.of("bin", LogicalType.binary()),
      Field.of("u", LogicalType.uuid()),
      Field.of("j", LogicalType.json()),
      Field.of("dt", LogicalType.date()),
      Field.of("t6", LogicalType.time(6)),
      Field.of("t9", LogicalType.time(9)),
      Field.of("ts6", LogicalType.timestamp(6)),
      Field.of("ts9", LogicalType.timestamp(9)),
      Field.of("tz6", LogicalType.timestampTz(6)),
      Field.of("tz9", LogicalType.timestampTz(9)));

  /** Every byte value 0..255. */
  public static byte[] allBytes() {
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  /** Rows in the Java form of {@link #ALL_TYPES}: maxima, minima, zeros and the empty string, then all NULL. */
  public static List<Object[]> allTypesRows() {
    List<Object[]> rows = new ArrayList<>();
    rows.add(new Object[] {true, (byte) 127, (short) 32767, Integer.MAX_VALUE, Long.MAX_VALUE, 3.4028235e38f,
        1.7976931348623157e308, new BigDecimal("9999999.99"), new BigDecimal("999999999999999999"),
        new BigDecimal("99999999999999999999999999999.999999999"),
        "non-ASCII ünïcödé 日本語 🎉, \"quoted\", comma, CRLF\r\nLF\nCR\rend", allBytes(),
        UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"), "{\"a\":[1,2.50,{\"b\":null}],\"n\":12345678901234567890.123456789}",
        LocalDate.of(9999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(23, 59, 59, 999_999_999),
        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000), LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807),
        Instant.parse("9999-12-31T23:59:59.999999Z"), Instant.parse("2262-04-11T23:47:16.854775807Z")});
    rows.add(new Object[] {false, (byte) -128, (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, -1.1f, 4.9e-324,
        new BigDecimal("-9999999.99"), new BigDecimal("-999999999999999999"),
        new BigDecimal("-99999999999999999999999999999.999999999"), "", new byte[0],
        UUID.fromString("00000000-0000-0000-0000-000000000000"), "\"just a string\"",
        LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalTime.of(0, 0, 0, 1),
        LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(1677, 9, 21, 0, 12, 43, 145_224_193),
        Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("1677-09-21T00:12:43.145224193Z")});
    rows.add(new Object[] {true, (byte) 0, (short) 0, 0, 0L, 0.0f, -0.5, new BigDecimal("0.00"),
        new BigDecimal("0"), new BigDecimal("0.000000001"), "a,b", new byte[] {0, -1},
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), "[]",
        LocalDate.of(1970, 1, 1), LocalTime.of(3, 4, 5, 123_456_000), LocalTime.of(3, 4, 5, 120_000_000),
        LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789),
        Instant.parse("2024-01-02T03:04:05.123456Z"), Instant.parse("1969-12-31T23:59:59.999999999Z")});
    rows.add(new Object[ALL_TYPES.size()]);
    return rows;
  }

  /** A batch holding {@code rows} of {@code schema}. */
  public static RecordBatch batch(Schema schema, List<Object[]> rows) {
    RecordBatch batch = RecordBatch.allocate(schema, Math.max(1, rows.size()));
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < schema.size(); c++) {
        batch.column(c).setObject(r, rows.get(r)[c]);
      }
    }
    batch.setRowCount(rows.size());
    return batch;
  }

  /** Writes {@code rows} into {@code path} and publishes the file. */
  public static FileInfo write(FileStore store, FileFormat format, String path, Schema schema, List<Object[]> rows)
      throws IOException {
    PendingFile file = store.create(path);
    try (FormatWriter w = format.openWriter(file, path, schema)) {
      w.write(batch(schema, rows), 0, rows.size());
    }
    file.commit();
    return store.list("").stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
  }

  /** Every row of the file, read with {@code format}, values in Java form (byte[] as hex, see {@link #norm}). */
  public static List<List<Object>> read(FileStore store, FileFormat format, FileInfo file, int batchRows) {
    Schema schema = format.readSchema(store, file);
    return read(store, format, file, schema, schema, batchRows);
  }

  /** The rows of {@code columns} of the file. */
  public static List<List<Object>> read(FileStore store, FileFormat format, FileInfo file, Schema dataset,
      Schema columns, int batchRows) {
    List<List<Object>> rows = new ArrayList<>();
    try (FormatReader r = format.openReader(store, file, dataset, columns, batchRows)) {
      for (RecordBatch b = r.next(); b != null; b = r.next()) {
        rows.addAll(rows(b));
      }
    }
    return rows;
  }

  /** The rows of a batch as normalized values. */
  public static List<List<Object>> rows(RecordBatch b) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < b.rowCount(); i++) {
      List<Object> row = new ArrayList<>();
      for (int c = 0; c < b.columnCount(); c++) {
        ColumnVector v = b.column(c);
        row.add(norm(v.getObject(i)));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The rows normalized for comparison. */
  public static List<List<Object>> norm(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] row : rows) {
      List<Object> r = new ArrayList<>();
      for (Object o : row) {
        r.add(norm(o));
      }
      out.add(r);
    }
    return out;
  }

  /** byte[] as hex text so that lists of values compare with equals. */
  public static Object norm(Object o) {
    return o instanceof byte[] b ? "0x" + HexFormat.of().formatHex(b) : o;
  }

  /** A row of objects as a list, for messages. */
  public static String show(Object[] row) {
    return Arrays.toString(row);
  }
}
