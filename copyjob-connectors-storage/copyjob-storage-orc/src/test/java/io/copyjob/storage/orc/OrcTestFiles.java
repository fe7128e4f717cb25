package io.copyjob.storage.orc;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DateColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;

/** Writes ORC files with orc-core's own Writer, from rows in copyjob's Java forms, for the tests to read back. */
final class OrcTestFiles {
  private OrcTestFiles() {
  }

  /** Every ORC type copyjob reads. */
  static final TypeDescription ALL_TYPES = TypeDescription.fromString("struct<b:boolean,i8:tinyint,i16:smallint,"
      + "i32:int,i64:bigint,f32:float,f64:double,d38:decimal(38,9),d10:decimal(10,2),s:string,vc:varchar(10),"
      + "ch:char(3),bin:binary,dt:date,ts:timestamp,tsz:timestamp with local time zone,l:array<int>,"
      + "m:map<string,double>,st:struct<a:int,b:string>>");

  /** Rows of {@link #ALL_TYPES}: ordinary values, all nulls, the low edges, the high edges. */
  static List<Object[]> allTypesRows() {
    Object[] ordinary = {true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.25,
        new BigDecimal("12345678901234567890123456789.123456789"), new BigDecimal("1.50"), "héllo 😀 世界 ü",
        "abc", "ab", new byte[] {0, 1, 2, (byte) 255}, LocalDate.of(2024, 2, 29),
        LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_789), Instant.parse("2024-02-29T12:34:56.987654321Z"),
        Arrays.asList(1, null, 3), map("a", 1.0, "b", null), Arrays.asList(7, "x")};
    Object[] nulls = new Object[ordinary.length];
    Object[] low = {false, Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE,
        -Double.MAX_VALUE, new BigDecimal("-99999999999999999999999999999.999999999"), new BigDecimal("0.00"), "", "",
        "", new byte[0], LocalDate.of(1, 1, 1), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1),
        Instant.parse("0001-01-01T00:00:00Z"), List.of(), map(), Arrays.asList(null, null)};
    Object[] high = {true, Byte.MAX_VALUE, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MAX_VALUE,
        Double.MAX_VALUE, new BigDecimal("99999999999999999999999999999.999999999"), new BigDecimal("99999999.99"),
        "line\nbreak, \"quoted\" 𝄞", "0123456789", "xyz", "\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1),
        LocalDate.of(9999, 12, 31), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
        Instant.parse("9999-12-31T23:59:59.999999999Z"), List.of(-1), map("", -0.5), Arrays.asList(-7, "")};
    return List.of(ordinary, nulls, low, high);
  }

  static Map<Object, Object> map(Object... keyValues) {
    Map<Object, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /**
   * Writes {@code rows} of {@code schema} to {@code file} with {@code codec}, in the proleptic Gregorian calendar
   * or in ORC's default hybrid Julian/Gregorian one, in stripes of about {@code stripeBytes}.
   */
  static void write(java.nio.file.Path file, TypeDescription schema, List<Object[]> rows, CompressionKind codec,
      boolean proleptic, long stripeBytes) throws IOException {
    write(file, schema, rows, codec, proleptic, stripeBytes, ZoneOffset.UTC);
  }

  /**
   * As above, by a writer in {@code zone}: ORC records it and stores TIMESTAMP values relative to it, as Hive
   * does. The JVM's default zone must be {@code zone} while this runs (ORC's writer takes it from there).
   */
  static void write(java.nio.file.Path file, TypeDescription schema, List<Object[]> rows, CompressionKind codec,
      boolean proleptic, long stripeBytes, ZoneId zone) throws IOException {
    Configuration conf = new Configuration();
    FileSystem local = FileSystem.getLocal(conf).getRawFileSystem();
    java.nio.file.Files.createDirectories(file.getParent());
    try (Writer w = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()), OrcFile.writerOptions(conf)
        .fileSystem(local).setSchema(schema).compress(codec).useUTCTimestamp(zone.equals(ZoneOffset.UTC))
        .setProlepticGregorian(proleptic).stripeSize(stripeBytes).bufferSize(64 * 1024).rowIndexStride(1000))) {
      VectorizedRowBatch batch = schema.createRowBatch(1000);
      for (Object[] row : rows) {
        int r = batch.size++;
        for (int c = 0; c < row.length; c++) {
          set(batch.cols[c], schema.getChildren().get(c), r, row[c], zone);
        }
        if (batch.size == batch.getMaxSize()) {
          w.addRowBatch(batch);
          batch.reset();
        }
      }
      if (batch.size > 0) {
        w.addRowBatch(batch);
      }
    }
  }

  /** Sets element {@code i} of {@code v}, an ORC vector of type {@code t}, to a value in copyjob's Java form. */
  private static void set(ColumnVector v, TypeDescription t, int i, Object value, ZoneId zone) {
    if (value == null) {
      v.noNulls = false;
      v.isNull[i] = true;
      return;
    }
    v.isNull[i] = false;
    switch (t.getCategory()) {
      case BOOLEAN -> ((LongColumnVector) v).vector[i] = (Boolean) value ? 1 : 0;
      case BYTE, SHORT, INT, LONG -> ((LongColumnVector) v).vector[i] = ((Number) value).longValue();
      case FLOAT, DOUBLE -> ((DoubleColumnVector) v).vector[i] = ((Number) value).doubleValue();
      case DECIMAL -> ((DecimalColumnVector) v).set(i, HiveDecimal.create((BigDecimal) value));
      case STRING, VARCHAR, CHAR ->
          ((BytesColumnVector) v).setVal(i, ((String) value).getBytes(StandardCharsets.UTF_8));
      case BINARY -> ((BytesColumnVector) v).setVal(i, (byte[]) value);
      case DATE -> {
        // The values are proleptic (java.time); a hybrid-calendar writer converts them.
        ((DateColumnVector) v).setUsingProlepticCalendar(true);
        ((DateColumnVector) v).vector[i] = ((LocalDate) value).toEpochDay();
      }
      case TIMESTAMP, TIMESTAMP_INSTANT -> {
        TimestampColumnVector ts = (TimestampColumnVector) v;
        ts.setUsingProlepticCalendar(true);
        // A wall-clock time is the instant it has in the writer's zone, as java.sql.Timestamp holds it.
        Instant instant = value instanceof LocalDateTime l ? l.atZone(zone).toInstant() : (Instant) value;
        ts.time[i] = instant.getEpochSecond() * 1000L + instant.getNano() / 1_000_000;
        ts.nanos[i] = instant.getNano();
      }
      case LIST -> {
        ListColumnVector l = (ListColumnVector) v;
        List<?> items = (List<?>) value;
        l.offsets[i] = l.childCount;
        l.lengths[i] = items.size();
        l.childCount += items.size();
        l.child.ensureSize(l.childCount, true);
        for (int k = 0; k < items.size(); k++) {
          set(l.child, t.getChildren().get(0), (int) l.offsets[i] + k, items.get(k), zone);
        }
      }
      case MAP -> {
        MapColumnVector m = (MapColumnVector) v;
        Map<?, ?> entries = (Map<?, ?>) value;
        m.offsets[i] = m.childCount;
        m.lengths[i] = entries.size();
        m.childCount += entries.size();
        m.keys.ensureSize(m.childCount, true);
        m.values.ensureSize(m.childCount, true);
        int k = (int) m.offsets[i];
        for (Map.Entry<?, ?> e : entries.entrySet()) {
          set(m.keys, t.getChildren().get(0), k, e.getKey(), zone);
          set(m.values, t.getChildren().get(1), k++, e.getValue(), zone);
        }
      }
      case STRUCT -> {
        StructColumnVector s = (StructColumnVector) v;
        List<?> fields = (List<?>) value;
        for (int f = 0; f < fields.size(); f++) {
          set(s.fields[f], t.getChildren().get(f), i, fields.get(f), zone);
        }
      }
      default -> throw new IllegalArgumentException("no test writer for " + t);
    }
  }

  /** A value as the tests compare it: byte arrays as hex, lists and maps element by element. */
  static Object comparable(Object value) {
    if (value instanceof byte[] b) {
      return "0x" + HexFormat.of().formatHex(b);
    }
    if (value instanceof List<?> l) {
      return l.stream().map(OrcTestFiles::comparable).toList();
    }
    return value;
  }
}
