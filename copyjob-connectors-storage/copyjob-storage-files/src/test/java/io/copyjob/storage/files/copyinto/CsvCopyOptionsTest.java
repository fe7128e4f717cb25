package io.copyjob.storage.files.copyinto;

import static io.copyjob.storage.files.copyinto.SourceReads.options;
import static io.copyjob.storage.files.copyinto.SourceReads.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.RejectedRow;
import io.copyjob.storage.files.format.csv.CsvEncoding;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.format.declared.DateOrder;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV options of COPY INTO on the files source, each with its values read back. */
class CsvCopyOptionsTest {
  private static final String ID_NAME = "[{\"name\":\"id\",\"type\":\"INT32\"},{\"name\":\"name\",\"type\":\"STRING\"}]";

  @TempDir
  Path dir;

  private Path file(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content);
    return p;
  }

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private Map<String, String> opts(Path file, String... more) {
    Map<String, String> o = options("locations", file.toString(), "format", "csv", "csv.header", "false");
    o.putAll(options(more));
    return o;
  }

  @Test
  void multiCharacterFieldTerminatorAndRecordSeparatorRows() throws Exception {
    Path f = file("a.csv", "1|~|x,y\u001e2|~|\"q|~|uoted\"\u001e3|~|\u001e");
    SourceReads r = SourceReads.strict(opts(f, "csv.delimiter", "|~|", "csv.rowTerminator", "\u001e",
        "columns", ID_NAME));
    assertThat(r.info.schema().names()).containsExactly("id", "name");
    assertThat(r.info.schema().field(0).type()).isEqualTo(LogicalType.int32());
    assertThat(r.rows).containsExactly(row(1, "x,y"), row(2, "q|~|uoted"), row(3, null));
  }

  @Test
  void quotedFieldsHoldTheFieldTerminatorRowTerminatorsAndDoubledQuotes() throws Exception {
    Path f = file("q.csv", "1,\"a,b\"\r\n2,\"line1\r\nline2\nline3\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n5,\n");
    SourceReads r = SourceReads.strict(opts(f, "columns", ID_NAME));
    assertThat(r.rows).containsExactly(row(1, "a,b"), row(2, "line1\r\nline2\nline3"), row(3, "say \"hi\""),
        row(4, ""), row(5, null));
  }

  @Test
  void crlfAndLfMixedReadTheSameAndAnExplicitLfKeepsTheCr() throws Exception {
    Path f = file("m.csv", "1,a\r\n2,b\n3,c\r4,d\r\n");
    assertThat(SourceReads.strict(opts(f, "columns", ID_NAME)).rows)
        .containsExactly(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"));
    Path g = file("lf.csv", "1,a\r\n2,b\n");
    assertThat(SourceReads.strict(opts(g, "columns", ID_NAME, "csv.rowTerminator", "\n")).rows)
        .containsExactly(row(1, "a\r"), row(2, "b"));
    // The escape form reads the same.
    assertThat(SourceReads.strict(opts(g, "columns", ID_NAME, "csv.rowTerminator", "\\n")).rows)
        .containsExactly(row(1, "a\r"), row(2, "b"));
  }

  @Test
  void firstRowSkipsRowsUnparsedAndLinesCountFromTheFileStart() throws Exception {
    // Row 2 has an unbalanced quote: skipped rows are not parsed, so it does no harm.
    Path f = file("h.csv", "title line\nid,\"name\n1,a\nx,b\n3,c\n");
    SourceReads r = SourceReads.withRejects(opts(f, "csv.firstRow", "3", "columns", ID_NAME));
    assertThat(r.rows).containsExactly(row(1, "a"), row(3, "c"));
    assertThat(r.rejected).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(4);
      assertThat(x.column()).contains("id");
      assertThat(x.reason()).contains("'x'", "INT32");
      assertThat(new String(x.raw().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("x,b\n");
    });
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotedFields() throws Exception {
    Path f = file("l.csv", "1,\"a\nb\nc\"\nbad,x\n3,\"d\r\ne\"\r\nworse,y\r\n");
    SourceReads r = SourceReads.withRejects(opts(f, "columns", ID_NAME));
    assertThat(r.rows).containsExactly(row(1, "a\nb\nc"), row(3, "d\r\ne"));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(4L, 7L);
    assertThat(r.rejected).allSatisfy(x -> assertThat(x.location()).isEqualTo(f.toString()));
    assertThat(new String(r.rejectedBytes(), StandardCharsets.UTF_8)).isEqualTo("bad,x\nworse,y\r\n");
  }

  @Test
  void rejectedRowsAreByteIdenticalToTheInput() throws Exception {
    byte[] bad1 = "x,\"multi\r\nline \u00e9\"\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad2 = "2,toolong!\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad3 = "3,ok,extra\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad4 = "4,\"text\"after\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes("1,fine\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes(bad1);
    in.writeBytes(bad2);
    in.writeBytes(bad3);
    in.writeBytes(bad4);
    in.writeBytes("5,last".getBytes(StandardCharsets.UTF_8)); // no terminator at the end
    Path f = file("r.csv", in.toByteArray());
    SourceReads r = SourceReads.withRejects(opts(f, "csv.matchColumnCount", "true", "columns",
        "[{\"name\":\"id\",\"type\":\"INT32\"},{\"name\":\"name\",\"type\":\"STRING(5)\"}]"));
    assertThat(r.rows).containsExactly(row(1, "fine"), row(5, "last"));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(2L, 4L, 5L, 6L);
    assertThat(r.rejected).extracting(x -> x.column().orElse(null)).containsExactly("id", "name", null, null);
    assertThat(r.rejected.get(1).reason()).contains("value too long", "8 characters", "STRING(5)");
    assertThat(r.rejected.get(2).reason()).contains("3 fields", "2 columns are declared");
    assertThat(r.rejected.get(3).reason()).contains("after its closing quote");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (byte[] b : List.of(bad1, bad2, bad3, bad4)) {
      expected.writeBytes(b);
    }
    assertThat(r.rejectedBytes()).isEqualTo(expected.toByteArray());
  }

  @Test
  void withoutARejectPolicyTheFirstBadValueFailsNamingFileLineAndColumn() throws Exception {
    Path f = file("s.csv", "1,a\n2,b\nthree,c\n");
    assertThatThrownBy(() -> SourceReads.strict(opts(f, "columns", ID_NAME)))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONVERSION_FAILED);
          assertThat(e.location()).contains("file " + f + " line 3");
          assertThat(e.getMessage()).contains("column id").contains("'three' is not a INT32");
        });
  }

  @Test
  void decimalsAndFractionsAreTruncatedNotRounded() throws Exception {
    Path f = file("d.csv", "1.239,2024-01-02 03:04:05.123999,23:59:59.9999999\n-1.239,2024-01-02T03:04:05.9,00:00\n"
        + "0.005,2024-01-02,12:00:00.5\n9999999999.99,2024-01-02 00:00:00,01:02:03\n10000000000,2024-01-02,01:02\n");
    SourceReads r = SourceReads.withRejects(opts(f, "columns", "[{\"name\":\"d\",\"type\":\"DECIMAL(12,2)\"},"
        + "{\"name\":\"ts\",\"type\":\"TIMESTAMP(3)\"},{\"name\":\"t\",\"type\":\"TIME(2)\"}]"));
    assertThat(r.rows).containsExactly(
        row(new BigDecimal("1.23"), LocalDateTime.parse("2024-01-02T03:04:05.123"), LocalTime.parse("23:59:59.99")),
        row(new BigDecimal("-1.23"), LocalDateTime.parse("2024-01-02T03:04:05.900"), LocalTime.parse("00:00")),
        row(new BigDecimal("0.00"), LocalDateTime.parse("2024-01-02T00:00"), LocalTime.parse("12:00:00.50")),
        row(new BigDecimal("9999999999.99"), LocalDateTime.parse("2024-01-02T00:00"), LocalTime.parse("01:02:03")));
    assertThat(((BigDecimal) r.rows.get(0).get(0)).scale()).isEqualTo(2);
    assertThat(r.rejected).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(5);
      assertThat(x.column()).contains("d");
      assertThat(x.reason()).contains("overflows DECIMAL(12,2)");
    });
  }

  @Test
  void integersOutOfRangeAndEveryOtherTypeReadBack() throws Exception {
    Path f = file("t.csv", "127,true,1.5,2.25,0x00ff,3f2504e0-4f89-11d3-9a0c-0305e82c3301,2024-01-02 03:04:05.5+02:00,"
        + "{\"a\":1}\n128,no,1e3,-0.5,AP8=,3f2504e0-4f89-11d3-9a0c-0305e82c3301,2024-01-02,[]\n"
        + "-128,maybe,x,1,,,,\n");
    SourceReads r = SourceReads.withRejects(opts(f, "columns", "[{\"name\":\"i\",\"type\":\"INT8\"},"
        + "{\"name\":\"b\",\"type\":\"BOOLEAN\"},{\"name\":\"f\",\"type\":\"FLOAT32\"},"
        + "{\"name\":\"g\",\"type\":\"FLOAT64\"},{\"name\":\"bin\",\"type\":\"BINARY(2)\"},"
        + "{\"name\":\"u\",\"type\":\"UUID\"},{\"name\":\"tz\",\"type\":\"TIMESTAMP_TZ(6)\"},"
        + "{\"name\":\"j\",\"type\":\"JSON\"}]"));
    assertThat(r.rows).hasSize(1);
    List<Object> first = r.rows.get(0);
    assertThat(first.subList(0, 4)).containsExactly((byte) 127, true, 1.5f, 2.25);
    assertThat((byte[]) first.get(4)).containsExactly(0x00, 0xff);
    assertThat(first.get(5).toString()).isEqualTo("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    assertThat(first.get(6)).isEqualTo(Instant.parse("2024-01-02T01:04:05.5Z"));
    assertThat(first.get(7)).isEqualTo("{\"a\":1}");
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(2L, 3L);
    assertThat(r.rejected.get(0).reason()).contains("128", "out of range for INT8");
    assertThat(r.rejected.get(1).reason()).contains("'maybe' is not a BOOLEAN");
  }

  @Test
  void datesFollowTheDateFormatAndIsoIsAlwaysAccepted() throws Exception {
    Path f = file("dt.csv", "31/12/2024,31.12.2024 23:59:58.5\n2024-02-29,01-02-99 10:00\n12/31/2024,2024-01-01\n"
        + "30/02/2024,01/01/2024\n");
    SourceReads r = SourceReads.withRejects(opts(f, "csv.dateFormat", "dmy", "columns",
        "[{\"name\":\"d\",\"type\":\"DATE\"},{\"name\":\"ts\",\"type\":\"TIMESTAMP(6)\"}]"));
    assertThat(r.rows).containsExactly(
        row(LocalDate.of(2024, 12, 31), LocalDateTime.parse("2024-12-31T23:59:58.5")),
        row(LocalDate.of(2024, 2, 29), LocalDateTime.parse("1999-02-01T10:00")));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(3L, 4L);
    assertThat(r.rejected).allSatisfy(x -> {
      assertThat(x.column()).contains("d");
      assertThat(x.reason()).contains("not a DATE in the date format dmy");
    });
    // The same file in mdy: 31/12/2024 does not match, 12/31/2024 does.
    SourceReads mdy = SourceReads.withRejects(opts(f, "columns",
        "[{\"name\":\"d\",\"type\":\"DATE\"},{\"name\":\"ts\",\"type\":\"TIMESTAMP(6)\"}]"));
    assertThat(mdy.rows).extracting(x -> x.get(0)).containsExactly(LocalDate.of(2024, 2, 29),
        LocalDate.of(2024, 12, 31));
    assertThat(mdy.rejected.get(0).reason()).contains("'31/12/2024'", "mdy");
  }

  @Test
  void defaultsReplaceNullAndEmptyAndNotNullableRejectsNull() throws Exception {
    Path f = file("def.csv", "1,,\"\"\n,b,x\n3,\"\",y\n");
    SourceReads r = SourceReads.withRejects(opts(f, "columns", "[{\"name\":\"id\",\"type\":\"INT64\","
        + "\"nullable\":false},{\"name\":\"city\",\"type\":\"STRING(10)\",\"default\":\"unknown\"},"
        + "{\"name\":\"n\",\"type\":\"STRING\"},{\"name\":\"qty\",\"type\":\"DECIMAL(5,1)\",\"default\":\"0.55\"}]"));
    assertThat(r.info.schema().field(0).nullable()).isFalse();
    assertThat(r.rows).containsExactly(row(1L, "unknown", "", new BigDecimal("0.5")),
        row(3L, "unknown", "y", new BigDecimal("0.5")));
    assertThat(r.rejected).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.column()).contains("id");
      assertThat(x.reason()).contains("NULL", "not nullable");
    });
  }

  @Test
  void fieldNumbersPickFieldsAndMissingTrailingFieldsAreNull() throws Exception {
    Path f = file("fn.csv", "a,b,c,d\ne,f\n");
    SourceReads r = SourceReads.strict(opts(f, "columns", "[{\"name\":\"third\",\"type\":\"STRING\",\"field\":3},"
        + "{\"name\":\"first\",\"type\":\"STRING\",\"field\":1}]"));
    assertThat(r.rows).containsExactly(row("c", "a"), row(null, "e"));
  }

  @Test
  void headerOnlyAndEmptyFilesLoadNoRows() throws Exception {
    Path h = file("ho.csv", "id,name\r\n");
    assertThat(SourceReads.strict(opts(h, "csv.firstRow", "2", "columns", ID_NAME)).rows).isEmpty();
    assertThat(SourceReads.strict(opts(h, "csv.header", "true", "columns", ID_NAME)).rows).isEmpty();
    Path e = file("empty.csv", "");
    SourceReads empty = SourceReads.strict(opts(e, "columns", ID_NAME));
    assertThat(empty.rows).isEmpty();
    assertThat(empty.info.schema().names()).containsExactly("id", "name");
    // Without declared columns too.
    assertThat(SourceReads.strict(options("locations", h.toString())).rows).isEmpty();
  }

  @Test
  void unbalancedQuoteIsARejectedRowNamingItsLineOrFailsBeyondTheRowBound() throws Exception {
    Path f = file("u.csv", "1,a\n2,\"open\n3,c\n4,d\n");
    SourceReads r = SourceReads.withRejects(opts(f, "columns", ID_NAME));
    assertThat(r.rows).containsExactly(row(1, "a"));
    assertThat(r.rejected).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.reason()).contains("quote", "never closed");
      assertThat(new String(x.raw().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("2,\"open\n3,c\n4,d\n");
    });
    assertThatThrownBy(() -> SourceReads.strict(opts(f, "columns", ID_NAME)))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + f + " line 2");
        });

    // A large file after an unbalanced quote: the row bound stops the read instead of buffering the file.
    StringBuilder big = new StringBuilder("1,a\n2,b\n3,\"never closed\n");
    for (int i = 0; i < 20_000; i++) {
      big.append(i).append(",row ").append(i).append('\n');
    }
    Path g = file("big.csv", big.toString());
    assertThatThrownBy(() -> SourceReads.withRejects(opts(g, "csv.maxRowBytes", "64KiB", "columns", ID_NAME)))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + g + " line 3");
          assertThat(e.getMessage()).contains("quote", "65536 bytes", "csv.maxRowBytes");
        });
  }

  @Test
  void invalidUtf8IsARejectedRowOrBadInput() throws Exception {
    byte[] bad = {'2', ',', 'a', (byte) 0xC3, (byte) 0x28, '\n'};
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.writeBytes("1,\u00fcml\u00e4ut \ufffd\n".getBytes(StandardCharsets.UTF_8));
    in.writeBytes(bad);
    in.writeBytes("3,ok\n".getBytes(StandardCharsets.UTF_8));
    Path f = file("bad8.csv", in.toByteArray());
    SourceReads r = SourceReads.withRejects(opts(f, "columns", ID_NAME));
    assertThat(r.rows).containsExactly(row(1, "\u00fcml\u00e4ut \ufffd"), row(3, "ok"));
    assertThat(r.rejected).singleElement().satisfies(x -> {
      assertThat(x.line()).isEqualTo(2);
      assertThat(x.column()).contains("name");
      assertThat(x.reason()).contains("invalid UTF-8");
      assertThat(x.raw().orElseThrow()).isEqualTo(bad);
    });
    assertThatThrownBy(() -> SourceReads.strict(opts(f, "columns", ID_NAME)))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + f + " line 2");
        });
  }

  @Test
  void utf16WithAndWithoutBom() throws Exception {
    String text = "1,\u00e9t\u00e9 \ud83c\udf89\r\nbad,x\r\n3,\u65e5\u672c\r\n";
    byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = text.getBytes(StandardCharsets.UTF_16BE);
    Map<String, byte[]> files = Map.of(
        "le-bom.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le),
        "be-bom.csv", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be),
        "le.csv", le);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path f = file(e.getKey(), e.getValue());
      SourceReads r = SourceReads.withRejects(opts(f, "csv.encoding", "utf16", "columns", ID_NAME));
      assertThat(r.rows).as(e.getKey()).containsExactly(row(1, "\u00e9t\u00e9 \ud83c\udf89"), row(3, "\u65e5\u672c"));
      assertThat(r.rejected).singleElement().satisfies(x -> {
        assertThat(x.line()).isEqualTo(2);
        // The raw row is in the file's encoding and byte order.
        assertThat(x.raw().orElseThrow()).isEqualTo("bad,x\r\n".getBytes(e.getKey().startsWith("be")
            ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE));
      });
    }
  }

  @Test
  void truncatedGzipFailsTheFileWithBadInput() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 0; i < 5000; i++) {
        out.write((i + ",name " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    byte[] all = gz.toByteArray();
    Path f = file("t.csv.gz", Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> SourceReads.withRejects(options("locations", f.toString(), "csv.header", "false",
        "columns", ID_NAME)))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location().orElseThrow()).endsWith("t.csv.gz");
          assertThat(e.getMessage()).containsIgnoringCase("truncated");
        });
    // The whole file reads.
    Path whole = file("w.csv.gz", all);
    assertThat(SourceReads.strict(options("locations", whole.toString(), "csv.header", "false",
        "columns", ID_NAME)).rows).hasSize(5000).startsWith(row(0, "name 0"));
  }

  @Test
  void headerNamesStillWorkWithoutDeclaredColumnsAndBadRowsCanBeRejected() throws Exception {
    Path f = file("plain.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n");
    SourceReads r = SourceReads.withRejects(options("locations", f.toString()));
    assertThat(r.info.schema().names()).containsExactly("a", "b");
    assertThat(r.rows).containsExactly(row("1", "2"), row("7", "8"));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(3L, 4L);
    assertThat(new String(r.rejectedBytes(), StandardCharsets.UTF_8)).isEqualTo("3\n4,5,6\n");
  }

  @Test
  void onlySafeSettingsAreReadInByteRangesAndBothReadEveryRowOnce() throws Exception {
    assertThat(CsvSettings.DEFAULT.splittable()).isTrue();
    assertThat(new CsvSettings("|~|", '"', false, false, null, 1, CsvEncoding.UTF8, DateOrder.MDY, false, 1 << 20)
        .splittable()).isFalse();
    assertThat(new CsvSettings(",", '"', false, false, "\u001e", 1, CsvEncoding.UTF8, DateOrder.MDY, false, 1 << 20)
        .splittable()).isFalse();
    assertThat(new CsvSettings(",", '"', false, false, "\n", 1, CsvEncoding.UTF8, DateOrder.MDY, false, 1 << 20)
        .splittable()).isTrue();
    assertThat(new CsvSettings(",", '"', false, false, null, 2, CsvEncoding.UTF8, DateOrder.MDY, false, 1 << 20)
        .splittable()).isFalse();
    assertThat(new CsvSettings(",", '"', false, false, null, 1, CsvEncoding.UTF16, DateOrder.MDY, false, 1 << 20)
        .splittable()).isFalse();

    StringBuilder plain = new StringBuilder();
    StringBuilder custom = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      plain.append(i).append(",\"v ").append(i).append("\"\r\n");
      custom.append(i).append("|~|v ").append(i).append("\u001e");
    }
    Path p = file("plain.csv", plain.toString());
    Path c = file("custom.csv", custom.toString());
    SourceReads ranged = SourceReads.read(opts(p, "splitSize", "1KiB", "columns", ID_NAME), true, 4);
    SourceReads whole = SourceReads.read(opts(c, "splitSize", "1KiB", "csv.delimiter", "|~|",
        "csv.rowTerminator", "\u001e", "columns", ID_NAME), true, 4);
    assertThat(ranged.splits).isGreaterThan(10);
    assertThat(whole.splits).isEqualTo(1);
    for (SourceReads r : List.of(ranged, whole)) {
      assertThat(r.rows).hasSize(3000);
      assertThat(r.rows.stream().map(x -> x.get(0)).distinct().count()).isEqualTo(3000);
      assertThat(r.rows).contains(row(2999, "v 2999"));
      assertThat(r.rejected).isEmpty();
    }
  }

  @Test
  void theTypedBuilderWritesTheSameOptions() {
    DeclaredColumns columns = DeclaredColumns.parse("[{\"name\":\"id\",\"type\":\"int64\",\"nullable\":false},"
        + "{\"name\":\"city\",\"type\":\"STRING(40)\",\"field\":3,\"default\":\"unknown\"},"
        + "{\"name\":\"zip\",\"type\":\"STRING(10)\",\"path\":\"$.address.zip\"}]");
    assertThat(DeclaredColumns.parse(columns.toJson()).columns()).isEqualTo(columns.columns());
    Map<String, String> o = FilesLocation.builder().locations("/in/*.csv").csvDelimiter("|~|")
        .csvRowTerminator("\u001e").csvFirstRow(2).csvEncoding(CsvEncoding.UTF16).csvDateFormat(DateOrder.DMY)
        .csvMatchColumnCount().csvWithoutHeader().columns(columns).build().options();
    assertThat(o).containsEntry("csv.delimiter", "|~|").containsEntry("csv.rowTerminator", "\u001e")
        .containsEntry("csv.firstRow", "2").containsEntry("csv.encoding", "utf16").containsEntry("csv.dateFormat", "dmy")
        .containsEntry("csv.matchColumnCount", "true").containsEntry("columns", columns.toJson());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
