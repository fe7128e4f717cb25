package io.copyjob.storage.files.format.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
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

class JsonlFormatTest {
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
  void everyTypeRoundTripsThroughItsLiteralText() throws Exception {
    JsonlFormat format = new JsonlFormat();
    FileInfo f = TestData.write(store(), format, "all.jsonl", TestData.ALL_TYPES, TestData.allTypesRows());

    assertThat(format.readSchema(store(), f)).isEqualTo(JsonlTypeMapping.readBack(TestData.ALL_TYPES));
    List<List<Object>> rows = TestData.read(store(), format, f, 3);
    List<Object[]> expected = TestData.allTypesRows();
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < TestData.ALL_TYPES.size(); c++) {
        LogicalType type = TestData.ALL_TYPES.field(c).type();
        String text = (String) rows.get(r).get(c);
        Object want = expected.get(r)[c];
        if (type.id() == TypeId.JSON) {
          // JSON is embedded as a value and read back compact: compare without whitespace.
          assertThat(text).isEqualTo(want);
        } else {
          assertThat(TestData.norm(JsonlTypeMapping.parse(type, text))).as("row %d column %s", r, c)
              .isEqualTo(TestData.norm(want));
        }
      }
    }
    assertThat(rows.get(1).get(TestData.ALL_TYPES.indexOf("s"))).isEqualTo("");
    assertThat(rows.get(3)).containsOnlyNulls();
  }

  @Test
  void writesOneObjectPerLineWithNumbersAndEmbeddedJson() throws Exception {
    Schema schema = Schema.of(Field.of("n", LogicalType.int64()), Field.of("d", LogicalType.decimal(38, 9)),
        Field.of("f", LogicalType.float64()), Field.of("j", LogicalType.json()), Field.of("bad", LogicalType.json()),
        Field.of("s", LogicalType.string()));
    List<Object[]> rows = List.of(
        new Object[] {42L, new java.math.BigDecimal("1E+3").setScale(9), Double.NaN, "{ \"a\" : [1, 2.50]\n}", "{not json",
            "line\nbreak"},
        new Object[] {null, null, 1.5, null, null, null});
    TestData.write(store(), new JsonlFormat(), "o.jsonl", schema, rows);
    assertThat(Files.readString(dir.resolve("o.jsonl"))).isEqualTo(
        "{\"n\":42,\"d\":1000.000000000,\"f\":\"NaN\",\"j\":{\"a\":[1,2.50]},\"bad\":\"{not json\",\"s\":\"line\\nbreak\"}\n"
            + "{\"n\":null,\"d\":null,\"f\":1.5,\"j\":null,\"bad\":null,\"s\":null}\n");
  }

  @Test
  void schemaIsTheUnionOfKeysInFirstSeenOrderAndValuesKeepTheirLiteralText() throws Exception {
    FileInfo f = file("u.jsonl", "{\"a\": 1.50, \"b\": \"x\"}\n"
        + "\n"
        + "{\"c\": {\"k\": [true, null, 1e400]}, \"a\": 123456789012345678901234567890}\n"
        + "{\"b\": null, \"d\": false}\n");
    JsonlFormat format = new JsonlFormat();
    Schema schema = format.readSchema(store(), f);
    assertThat(schema.names()).containsExactly("a", "b", "c", "d");
    assertThat(TestData.read(store(), format, f, 2)).containsExactly(
        Arrays.asList("1.50", "x", null, null),
        Arrays.asList("123456789012345678901234567890", null, "{\"k\":[true,null,1e400]}", null),
        Arrays.asList(null, null, null, "false"));
  }

  @Test
  void keysBeyondTheSampleAreAnErrorNotSilentlyDropped() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < JsonlTypeMapping.SAMPLE_LINES; i++) {
      sb.append("{\"a\":").append(i).append("}\n");
    }
    sb.append("{\"a\":1,\"late\":2}\n");
    FileInfo f = file("late.jsonl", sb.toString());
    JsonlFormat format = new JsonlFormat();
    Schema schema = format.readSchema(store(), f);
    assertThat(schema.names()).containsExactly("a");
    assertThatThrownBy(() -> TestData.read(store(), format, f, schema, schema, 100))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + dir.resolve("late.jsonl") + " line 1001");
          assertThat(e.getMessage()).contains("'late'");
        });
  }

  @Test
  void malformedLineFailsNamingFileAndLine() throws Exception {
    FileInfo f = file("bad.jsonl", "{\"a\":1}\n{\"a\":2}\n{\"a\":3,,}\n");
    JsonlFormat format = new JsonlFormat();
    Schema schema = Schema.of(Field.of("a", LogicalType.string()));
    assertThatThrownBy(() -> TestData.read(store(), format, f, schema, schema, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + dir.resolve("bad.jsonl") + " line 3");
        });
  }

  @Test
  void aLineThatIsNotAnObjectFailsNamingTheLine() throws Exception {
    FileInfo f = file("arr.jsonl", "{\"a\":1}\n[1,2]\n");
    JsonlFormat format = new JsonlFormat();
    Schema schema = Schema.of(Field.of("a", LogicalType.string()));
    assertThatThrownBy(() -> TestData.read(store(), format, f, schema, schema, 10))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("arr.jsonl line 2").hasMessageContaining("an array");
  }

  @Test
  void projectionReturnsOnlyTheAskedColumns() throws Exception {
    FileInfo f = file("p.jsonl", "{\"a\":1,\"b\":{\"deep\":[1]},\"c\":\"z\"}\n");
    JsonlFormat format = new JsonlFormat();
    Schema all = format.readSchema(store(), f);
    List<List<Object>> rows = TestData.read(store(), format, f, all, Schema.of(all.field(2), all.field(0)), 10);
    assertThat(rows).containsExactly(new ArrayList<>(List.of("z", "1")));
  }
}
