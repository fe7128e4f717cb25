package io.copyjob.storage.files.copyinto;

import static io.copyjob.storage.files.copyinto.SourceReads.options;
import static io.copyjob.storage.files.copyinto.SourceReads.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.RejectedRow;
import io.copyjob.storage.files.TestData;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Declared columns over JSON Lines (JSON paths) and Parquet (by name), with COPY INTO's conversions. */
class DeclaredColumnsFormatsTest {
  @TempDir
  Path dir;

  @Test
  void jsonLinesTakeValuesFromJsonPaths() throws Exception {
    Path f = dir.resolve("o.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\":1,\"address\":{\"zip\":\"10115\",\"city\":\"Berlin\"},\"items\":[{\"sku\":\"A-1\",\"qty\":2}],"
            + "\"price\":\"1.239\",\"extra\":[1,2]}",
        "{\"id\":2,\"address\":{\"zip\":null},\"items\":[],\"price\":-1.239,\"tags\":{\"a\":[true]}}",
        "{\"id\":\"three\",\"items\":[{\"sku\":\"C\"}]}",
        "{\"items\":[{\"sku\":\"D\"},{\"sku\":\"E\"}],\"id\":4,\"address\":{\"zip\":\"toolongzip!\"}}",
        "{\"id\":5,\"address\":\"not an object\",\"tags\":{\"a\":[true],\"b\":\"x\\\"y\"}}",
        "{\"id\":6,\"broken\":",
        "",
        "[1,2]\r",
        "{\"id\":8} {\"id\":9}", ""),
        StandardCharsets.UTF_8);
    SourceReads r = SourceReads.withRejects(options("locations", f.toString(), "columns",
        "[{\"name\":\"id\",\"type\":\"INT64\"},"
            + "{\"name\":\"zip\",\"type\":\"STRING(5)\",\"path\":\"$.address.zip\",\"default\":\"00000\"},"
            + "{\"name\":\"sku\",\"type\":\"STRING\",\"path\":\"$.items[0].sku\"},"
            + "{\"name\":\"price\",\"type\":\"DECIMAL(12,2)\"},"
            + "{\"name\":\"tags\",\"type\":\"JSON\"}]"));
    assertThat(r.info.schema().names()).containsExactly("id", "zip", "sku", "price", "tags");
    assertThat(r.rows).containsExactly(
        row(1L, "10115", "A-1", new BigDecimal("1.23"), null),
        row(2L, "00000", null, new BigDecimal("-1.23"), "{\"a\":[true]}"),
        row(5L, "00000", null, null, "{\"a\":[true],\"b\":\"x\\\"y\"}"));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(3L, 4L, 6L, 8L, 9L);
    assertThat(r.rejected).extracting(x -> x.column().orElse("-")).containsExactly("id", "zip", "-", "-", "-");
    assertThat(r.rejected.get(1).reason()).contains("value too long");
    assertThat(r.rejected.get(2).reason()).contains("not valid JSON");
    assertThat(r.rejected.get(3).reason()).contains("not a JSON object");
    assertThat(r.rejected.get(4).reason()).contains("more than one JSON value");
    // Each rejected line's exact bytes, with its terminator.
    assertThat(new String(r.rejected.get(2).raw().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":6,\"broken\":\n");
    assertThat(new String(r.rejected.get(3).raw().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("[1,2]\r\n");
  }

  @Test
  void jsonLinesInByteRangesNameLinesFromTheFileStart() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 3000; i++) {
      text.append(i % 1000 == 0 ? "{\"id\":\"bad " + i + "\"}" : "{\"id\":" + i + "}").append(i % 2 == 0 ? "\r\n" : "\n");
    }
    Path f = dir.resolve("big.jsonl");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    SourceReads r = SourceReads.read(options("locations", f.toString(), "splitSize", "2KiB",
        "columns", "[{\"name\":\"id\",\"type\":\"INT32\"}]"), true, 4);
    assertThat(r.splits).isGreaterThan(10);
    assertThat(r.rows).hasSize(2997);
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactlyInAnyOrder(1000L, 2000L, 3000L);
    assertThat(r.rejected).extracting(x -> new String(x.raw().orElseThrow(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("{\"id\":\"bad 1000\"}\r\n", "{\"id\":\"bad 2000\"}\r\n", "{\"id\":\"bad 3000\"}\r\n");
  }

  @Test
  void parquetColumnsMatchByNameWithMissingColumnsNullOrDefaultAndValuesConverted() throws Exception {
    Schema written = Schema.of(Field.of("ID", LogicalType.int64()), Field.of("Name", LogicalType.string()),
        Field.of("price", LogicalType.decimal(10, 4)), Field.of("ts", LogicalType.timestamp(6)),
        Field.of("unused", LogicalType.float64()));
    LocalFileStore store = new LocalFileStore(dir);
    TestData.write(store, new ParquetFormat(ParquetCompression.ZSTD), "p.parquet", written, List.of(
        new Object[] {1L, "ann", new BigDecimal("1.2399"), LocalDateTime.parse("2024-01-02T03:04:05.123999"), 1.0},
        new Object[] {2L, "bob", new BigDecimal("-1.2399"), null, 2.0},
        new Object[] {3000000000L, "cy", BigDecimal.ONE, null, 3.0},
        new Object[] {4L, "too long", null, null, 4.0}));
    SourceReads r = SourceReads.withRejects(options("locations", dir.resolve("p.parquet").toString(), "columns",
        "[{\"name\":\"id\",\"type\":\"INT32\"},{\"name\":\"name\",\"type\":\"STRING(4)\"},"
            + "{\"name\":\"price\",\"type\":\"DECIMAL(12,2)\"},{\"name\":\"ts\",\"type\":\"TIMESTAMP(3)\"},"
            + "{\"name\":\"zip\",\"type\":\"STRING(5)\",\"default\":\"00000\"},"
            + "{\"name\":\"note\",\"type\":\"STRING\"}]"));
    assertThat(r.rows).containsExactly(
        row(1, "ann", new BigDecimal("1.23"), LocalDateTime.parse("2024-01-02T03:04:05.123"), "00000", null),
        row(2, "bob", new BigDecimal("-1.23"), null, "00000", null));
    assertThat(r.rejected).extracting(RejectedRow::line).containsExactly(3L, 4L);
    assertThat(r.rejected.get(0).reason()).contains("3000000000", "out of range for INT32");
    assertThat(r.rejected.get(1).column()).contains("name");
    assertThat(r.rejected).allSatisfy(x -> assertThat(x.raw()).isEmpty());
  }

  @Test
  void parquetNestedColumnsLoadIntoStringAndJsonColumnsAsJson() throws Exception {
    MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 id; "
        + "optional group address { optional binary zip (STRING); optional int32 floor; } "
        + "optional group tags (LIST) { repeated group list { optional binary element (STRING); } } "
        + "optional group attrs (MAP) { repeated group key_value { required binary key (STRING); "
        + "optional int32 value; } } }");
    Path file = dir.resolve("n.parquet");
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withConf(new PlainParquetConfiguration()).withType(schema).build()) {
      SimpleGroupFactory groups = new SimpleGroupFactory(schema);
      Group one = groups.newGroup().append("id", 1L);
      one.addGroup("address").append("zip", "10115").append("floor", 3);
      Group tags = one.addGroup("tags");
      tags.addGroup("list").append("element", "a \"b\"");
      tags.addGroup("list");
      one.addGroup("attrs").addGroup("key_value").append("key", "k").append("value", 7);
      w.write(one);
      w.write(groups.newGroup().append("id", 2L));
    }
    SourceReads r = SourceReads.strict(options("locations", file.toString(), "columns",
        "[{\"name\":\"id\",\"type\":\"INT64\"},{\"name\":\"address\",\"type\":\"STRING(40)\"},"
            + "{\"name\":\"tags\",\"type\":\"JSON\"},{\"name\":\"attrs\",\"type\":\"STRING\"}]"));
    assertThat(r.rows).containsExactly(
        row(1L, "{\"zip\":\"10115\",\"floor\":3}", "[\"a \\\"b\\\"\",null]", "{\"k\":7}"),
        row(2L, null, null, null));
    // Without declared columns the nested columns read as JSON too.
    SourceReads plain = SourceReads.strict(options("locations", file.toString()));
    assertThat(plain.info.schema().field(1).type()).isEqualTo(LogicalType.json());
    assertThat(plain.rows.get(0).get(1)).isEqualTo("{\"zip\":\"10115\",\"floor\":3}");
  }
}
