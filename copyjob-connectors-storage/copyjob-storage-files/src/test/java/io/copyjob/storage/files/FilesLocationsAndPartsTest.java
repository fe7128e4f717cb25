package io.copyjob.storage.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.csv.CsvFormat;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.format.jsonl.JsonlFormat;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several locations as one dataset, compressed files, and files read in parts, through the SPI. */
class FilesLocationsAndPartsTest {
  private static final Schema ROWS = Schema.of(Field.of("id", LogicalType.int64()),
      Field.of("note", LogicalType.string()));

  @TempDir
  Path dir;

  private final ConnectorProvider provider = ConnectorRegistry.find("files");

  private ConnectorOptions options(String... keyValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return ConnectorSpec.of("files", map).toOptions(provider);
  }

  private static List<Object[]> rows(int from, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      rows.add(new Object[] {(long) i, i % 5 == 0 ? null : i % 5 == 1 ? "a, \"quoted\" note " + i : "n" + i});
    }
    return rows;
  }

  private void write(io.copyjob.storage.files.format.FileFormat format, String path, List<Object[]> rows)
      throws IOException {
    TestData.write(new LocalFileStore(dir), format, path, ROWS, rows);
  }

  private String at(String relative) {
    return dir.resolve(relative).toString();
  }

  /** Reads every split of the dataset; returns the ids in read order; {@code splits} receives the split count. */
  private List<Long> readIds(ConnectorOptions options, DatasetId id, int desiredSplits, int[] splits) {
    List<Long> ids = new ArrayList<>();
    try (SourceConnector source = provider.createSource(options)) {
      DatasetInfo info = source.describe(id).orElseThrow();
      try (ReadSession session = source.beginRead(ReadRequest.builder("job", info).batchRows(3)
          .desiredSplits(desiredSplits).build())) {
        List<Split> planned = session.planSplits(Optional.empty());
        if (splits != null) {
          splits[0] = planned.size();
        }
        for (Split split : planned) {
          try (SplitReader reader = session.openReader(split)) {
            for (RecordBatch b = reader.next(); b != null; b = reader.next()) {
              for (List<Object> row : TestData.rows(b)) {
                ids.add(Long.parseLong(row.get(0).toString()));
              }
            }
          }
        }
      }
    }
    return ids;
  }

  @Test
  void severalLocationsWithWildcardsFormOneDeduplicatedDataset() throws IOException {
    CsvFormat csv = new CsvFormat(CsvSettings.DEFAULT);
    write(csv, "in/a.csv", rows(0, 10));
    write(csv, "in/2024/01/b.csv", rows(10, 10));
    write(new CsvFormat(CsvSettings.DEFAULT, Compression.GZIP), "in/2024/02/c.csv.gz", rows(20, 10));
    write(csv, "in/_staging/skipped.csv", rows(100, 5));
    write(csv, "in/.hidden.csv", rows(200, 5));
    write(csv, "extra/d.csv", rows(30, 5));
    write(csv, "extra/_explicit.csv", rows(35, 5));
    write(new JsonlFormat(), "in/other.jsonl", rows(300, 5));

    ConnectorOptions options = options(
        "locations", at("in") + "/*.csv\n" + at("in") + "/*.csv.gz\n\n" + at("extra"),
        "locations.1", at("in/a.csv"),
        "locations.2", at("extra/_explicit.csv"),
        "dataset", "raw.sales");
    DatasetId id = DatasetId.of("raw", "sales");
    try (SourceConnector source = provider.createSource(options)) {
      assertThat(source.listDatasets()).containsExactly(id);
      assertThat(source.describe(DatasetId.of("files"))).isEmpty();
      assertThat(source.describe(id).orElseThrow().schema().names()).containsExactly("id", "note");
    }
    List<Long> ids = readIds(options, id, 1, null);
    assertThat(ids).hasSize(40).doesNotHaveDuplicates().allMatch(i -> i < 40);
  }

  @Test
  void theDefaultDatasetNameAndTheTypedBuilder() throws IOException {
    write(new JsonlFormat(Compression.ZSTD), "in/a.jsonl.zst", rows(0, 7));
    ConnectorSpec spec = FilesLocation.locations(at("in") + "/*.zst");
    assertThat(spec.options()).containsEntry("locations", at("in") + "/*.zst");
    assertThat(readIds(spec.toOptions(provider), DatasetId.of("files"), 1, null)).hasSize(7);
    try (SourceConnector source = provider.createSource(options("locations", at("nothing") + "/*.csv"))) {
      assertThat(source.listDatasets()).isEmpty();
      assertThat(source.describe(DatasetId.of("files"))).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl"})
  void tinyByteRangesReadEveryRowExactlyOnce(String format) throws IOException {
    io.copyjob.storage.files.format.FileFormat f = format.equals("csv") ? new CsvFormat(CsvSettings.DEFAULT)
        : new JsonlFormat();
    write(f, "in/a." + format, rows(0, 40));
    write(f, "in/b." + format, rows(40, 3));
    write(new CsvFormat(CsvSettings.DEFAULT, Compression.GZIP).name().equals(format)
        ? new CsvFormat(CsvSettings.DEFAULT, Compression.GZIP) : new JsonlFormat(Compression.GZIP),
        "in/c." + format + ".gz", rows(43, 20));
    for (String size : List.of("1", "2", "3", "7", "16", "31", "100", "64KiB")) {
      int[] splits = new int[1];
      List<Long> ids = readIds(options("locations", at("in"), "splitSize", size), DatasetId.of("files"), 4, splits);
      assertThat(ids).as("split size %s", size).hasSize(63).doesNotHaveDuplicates();
      if (!size.equals("64KiB")) {
        assertThat(splits[0]).as("split size %s", size).isGreaterThan(3);
      } else {
        assertThat(splits[0]).isEqualTo(3);
      }
    }
    // One split per file when the engine wants one reader, or with splitSize 0.
    int[] splits = new int[1];
    readIds(options("locations", at("in"), "splitSize", "1"), DatasetId.of("files"), 1, splits);
    assertThat(splits[0]).isEqualTo(3);
    readIds(options("locations", at("in"), "splitSize", "0"), DatasetId.of("files"), 8, splits);
    assertThat(splits[0]).isEqualTo(3);
  }

  @Test
  void parquetIsSplitByRowGroups() throws IOException {
    write(new ParquetFormat(ParquetCompression.ZSTD, 1024), "in/big.parquet", rows(0, 5000));
    write(new ParquetFormat(ParquetCompression.ZSTD), "in/small.parquet", rows(5000, 10));
    int[] splits = new int[1];
    List<Long> ids = readIds(options("locations", at("in"), "splitSize", "1"), DatasetId.of("files"), 4, splits);
    assertThat(ids).hasSize(5010).doesNotHaveDuplicates();
    assertThat(splits[0]).isGreaterThan(3);
    int oneGroupPerSplit = splits[0];
    readIds(options("locations", at("in"), "splitSize", "16KiB"), DatasetId.of("files"), 4, splits);
    assertThat(splits[0]).isBetween(2, oneGroupPerSplit - 1);
  }

  @Test
  void csvWithLineBreaksInQuotesFailsInRangesAndReadsWhole() throws IOException {
    // Each quoted value holds a line that looks like a row of its own, so a range that starts inside it parses.
    StringBuilder text = new StringBuilder("id,note\n");
    for (int i = 0; i < 30; i++) {
      text.append(i).append(",\"first line\n").append(1000 + i).append(",fake row\"\n");
    }
    Files.createDirectories(dir.resolve("in"));
    Files.writeString(dir.resolve("in/multi.csv"), text, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readIds(options("locations", at("in"), "splitSize", "40"), DatasetId.of("files"), 4,
        null)).isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.getMessage()).contains("csv.multiline=true").contains("multi.csv");
        });
    List<Long> ids = readIds(options("locations", at("in"), "splitSize", "40", "csv.multiline", "true"),
        DatasetId.of("files"), 4, null);
    assertThat(ids).hasSize(30).doesNotHaveDuplicates();
  }

  private List<String> written(String folder) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve(folder))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void sink(ConnectorOptions options, List<List<Object[]>> batches) {
    try (SinkConnector sink = provider.createSink(options);
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "run1", DatasetId.of("out"), ROWS,
             WriteStrategy.append(), List.of(), TableCreation.CREATE_IF_ABSENT))) {
      SplitWriter writer = tx.openWriter(0);
      for (List<Object[]> batch : batches) {
        writer.write(TestData.batch(ROWS, batch));
      }
      Fragment fragment = writer.finish();
      tx.commit(List.of(fragment));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "snappy", "zstd"})
  void writesCompressedTextWithTheCodecsExtension(String codec) throws IOException {
    sink(options("location", at("lake"), "format", "csv", "compression", codec), List.of(rows(0, 100)));
    String ext = Compression.valueOf(codec.toUpperCase()).extension();
    assertThat(written("lake/out")).containsExactly("part-run1-00000-00000.csv." + ext);
    assertThat(readIds(options("location", at("lake")), DatasetId.of("out"), 1, null)).hasSize(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl", "parquet"})
  void rollsOverAtMaxBytesPerFileWithoutEmptyFiles(String format) throws IOException {
    List<List<Object[]>> batches = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      batches.add(rows(b * 500, 500));
    }
    sink(options("location", at("lake"), "format", format, "maxBytesPerFile", "4KiB"), batches);
    List<String> files = written("lake/out");
    // Checked after each batch, and every batch is over 4 KiB: one file per batch, no empty trailing file.
    assertThat(files).hasSize(10);
    assertThat(files.get(9)).isEqualTo("part-run1-00000-00009." + format);
    assertThat(readIds(options("location", at("lake")), DatasetId.of("out"), 1, null)).hasSize(5000)
        .doesNotHaveDuplicates();
  }
}
