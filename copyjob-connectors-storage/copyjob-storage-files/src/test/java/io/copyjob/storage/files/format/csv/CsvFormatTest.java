package io.copyjob.storage.files.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.TestData;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {
  @TempDir
  Path dir;

  private LocalFileStore store() {
    return new LocalFileStore(dir);
  }

  private FileInfo file(String name, String content) throws Exception {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    return store().list("").stream().filter(f -> f.path().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void everyTypeRoundTripsThroughItsTextAndNullStaysDistinctFromEmpty() throws Exception {
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    FileInfo f = TestData.write(store(), format, "all.csv", TestData.ALL_TYPES, TestData.allTypesRows());

    Schema read = format.readSchema(store(), f);
    assertThat(read).isEqualTo(CsvTypeMapping.readBack(TestData.ALL_TYPES, true));
    assertThat(read.fields()).allMatch(x -> x.type().equals(LogicalType.string()));
    List<List<Object>> rows = TestData.read(store(), format, f, 3);
    List<List<Object>> parsed = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> p = new ArrayList<>();
      for (int c = 0; c < row.size(); c++) {
        p.add(TestData.norm(CsvTypeMapping.parse(TestData.ALL_TYPES.field(c).type(), (String) row.get(c))));
      }
      parsed.add(p);
    }
    assertThat(parsed).isEqualTo(TestData.norm(TestData.allTypesRows()));
    // Row 2 has an empty string in column s; row 4 is all NULL.
    assertThat(rows.get(1).get(TestData.ALL_TYPES.indexOf("s"))).isEqualTo("");
    assertThat(rows.get(3)).containsOnlyNulls();
  }

  @Test
  void writesTheDocumentedTextForms() throws Exception {
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    TestData.write(store(), format, "all.csv", TestData.ALL_TYPES, TestData.allTypesRows());
    String text = Files.readString(dir.resolve("all.csv"));
    assertThat(text).startsWith("b,i8,i16,i32,i64,f32,f64,d9,d18,d38,s,bin,u,j,dt,t6,t9,ts6,ts9,tz6,tz9\r\n");
    assertThat(text).contains(",99999999999999999999999999999.999999999,")
        .contains(",0.000000001,")
        .contains(",9999-12-31,23:59:59.999999,23:59:59.999999999,9999-12-31T23:59:59.999999,")
        .contains(",0001-01-01,00:00:00,00:00:00.000000001,0001-01-01T00:00:00,")
        .contains(",2024-01-02T03:04:05.123456,2024-01-02T03:04:05.123456789,2024-01-02T03:04:05.123456Z,")
        .contains(",ffffffff-ffff-ffff-ffff-ffffffffffff,")
        // The empty string and the empty binary are quoted, so they do not read back as NULL.
        .contains(",\"\",\"\",00000000-0000-0000-0000-000000000000,")
        .contains(",AP8=,")
        .contains(",\"non-ASCII ünïcödé 日本語 🎉, \"\"quoted\"\", comma, CRLF\r\nLF\nCR\rend\",");
    // The all-NULL row is only delimiters.
    assertThat(text).endsWith(",,,,,,,,,,,,,,,,,,,,\r\n");
  }

  @Test
  void customDelimiterQuoteAndNoHeader() throws Exception {
    CsvFormat format = new CsvFormat(new CsvSettings(';', '\'', false));
    Schema schema = Schema.of(Field.of("a", LogicalType.string()), Field.of("b", LogicalType.int32()));
    List<Object[]> rows = List.of(new Object[] {"it's; here", 1}, new Object[] {null, null}, new Object[] {"", 3});
    FileInfo f = TestData.write(store(), format, "x.csv", schema, rows);
    assertThat(Files.readString(dir.resolve("x.csv"))).isEqualTo("'it''s; here';1\r\n;\r\n'';3\r\n");
    assertThat(format.readSchema(store(), f).names()).containsExactly("column1", "column2");
    assertThat(TestData.read(store(), format, f, 10)).containsExactly(Arrays.asList("it's; here", "1"),
        Arrays.asList(null, null), Arrays.asList("", "3"));
  }

  @Test
  void oneColumnFileKeepsNullAndEmptyApart() throws Exception {
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    Schema schema = Schema.of(Field.of("a", LogicalType.string()));
    List<Object[]> rows = List.of(new Object[] {null}, new Object[] {""}, new Object[] {"x"}, new Object[] {null});
    FileInfo f = TestData.write(store(), format, "one.csv", schema, rows);
    assertThat(TestData.read(store(), format, f, 10)).containsExactly(Arrays.asList((Object) null), List.of(""),
        List.of("x"), Arrays.asList((Object) null));
  }

  @Test
  void readsProjectedColumnsByHeaderName() throws Exception {
    FileInfo f = file("p.csv", "a,b,c\n1,2,3\n4,,\"\"\n");
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    Schema all = format.readSchema(store(), f);
    Schema wanted = Schema.of(all.field(2), all.field(0));
    assertThat(TestData.read(store(), format, f, all, wanted, 10)).containsExactly(List.of("3", "1"), List.of("", "4"));
  }

  @Test
  void wrongFieldCountFailsNamingFileAndLine() throws Exception {
    FileInfo f = file("bad.csv", "a,b\n1,2\n\"multi\nline\",3\n4,5,6\n");
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    Schema s = format.readSchema(store(), f);
    assertThatThrownBy(() -> TestData.read(store(), format, f, s, s, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + dir.resolve("bad.csv") + " line 5");
          assertThat(e.getMessage()).contains("3 fields").contains("header has 2");
        });
  }

  @Test
  void unbalancedQuoteFailsNamingFileAndLine() throws Exception {
    FileInfo f = file("q.csv", "a,b\n1,2\n3,\"open\n4,5\n");
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    Schema s = format.readSchema(store(), f);
    assertThatThrownBy(() -> TestData.read(store(), format, f, s, s, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + dir.resolve("q.csv") + " line 3");
        });
  }

  @Test
  void duplicateOrEmptyHeaderNamesFailNamingTheFile() throws Exception {
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    FileInfo dup = file("dup.csv", "a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> format.readSchema(store(), dup)).isInstanceOf(CopyJobException.class)
        .hasMessageContaining("dup.csv").hasMessageContaining("'a' twice");
    FileInfo empty = file("empty.csv", "a,,c\n1,2,3\n");
    assertThatThrownBy(() -> format.readSchema(store(), empty)).isInstanceOf(CopyJobException.class)
        .hasMessageContaining("empty.csv").hasMessageContaining("column 2");
  }

  @Test
  void differentHeaderThanTheDatasetIsASchemaMismatch() throws Exception {
    FileInfo f = file("other.csv", "x,y\n1,2\n");
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    Schema dataset = Schema.of(Field.of("a", LogicalType.string()), Field.of("b", LogicalType.string()));
    assertThatThrownBy(() -> format.openReader(store(), f, dataset, dataset, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
          assertThat(e.getMessage()).contains("other.csv").contains("[x, y]").contains("[a, b]");
        });
  }

  @Test
  void toleratesBomAndTrailingBlankLine() throws Exception {
    FileInfo f = file("bom.csv", "\uFEFFa,b\r\n1,2\r\n\r\n");
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT);
    assertThat(format.readSchema(store(), f).names()).containsExactly("a", "b");
    assertThat(TestData.read(store(), format, f, 10)).containsExactly(List.of("1", "2"));
  }
}
