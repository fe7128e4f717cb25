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
import io.copyjob.spi.ConnectorRole;
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
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The files connector through the SPI only, as the engine drives it. */
class FilesConnectorTest {
  private static final Schema ORDERS = Schema.of(Field.of("id", LogicalType.int64()),
      Field.of("note", LogicalType.string()), Field.of("updated", LogicalType.timestamp(6)));
  private static final DatasetId TARGET = DatasetId.of("sales", "orders");

  @TempDir
  Path dir;

  private final ConnectorProvider provider = ConnectorRegistry.find("files");

  private ConnectorOptions options(String... keyValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    map.put("location", dir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return ConnectorSpec.of("files", map).toOptions(provider);
  }

  private static List<Object[]> orders(int from, int count) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      rows.add(new Object[] {(long) i, i % 3 == 0 ? null : "n" + i, LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i)});
    }
    return rows;
  }

  /** Writes {@code batches} through writer 0..n-1 (one batch each) and commits; returns the committed row count. */
  private long write(ConnectorOptions options, WriteStrategy strategy, List<List<Object[]>> perWriter) {
    try (SinkConnector sink = provider.createSink(options);
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "run1", TARGET, ORDERS, strategy, List.of(),
             TableCreation.CREATE_IF_ABSENT))) {
      List<Fragment> fragments = new ArrayList<>();
      for (int w = 0; w < perWriter.size(); w++) {
        SplitWriter writer = tx.openWriter(w);
        writer.write(TestData.batch(ORDERS, perWriter.get(w)));
        fragments.add(writer.finish());
      }
      return tx.commit(fragments);
    }
  }

  private List<List<Object>> readAll(ConnectorOptions options, DatasetId id, String watermarkColumn,
      Watermark lower) {
    List<List<Object>> rows = new ArrayList<>();
    try (SourceConnector source = provider.createSource(options)) {
      DatasetInfo info = source.describe(id).orElseThrow();
      ReadRequest.Builder request = ReadRequest.builder("job", info).batchRows(7);
      if (watermarkColumn != null) {
        request.watermarkColumn(watermarkColumn).lowerExclusive(lower);
      }
      try (ReadSession session = source.beginRead(request.build())) {
        assertThat(session.upperBound()).isEmpty();
        for (Split split : session.planSplits(Optional.empty())) {
          try (SplitReader reader = session.openReader(split)) {
            for (RecordBatch b = reader.next(); b != null; b = reader.next()) {
              rows.addAll(TestData.rows(b));
            }
            assertThat(reader.bytesRead()).isPositive();
          }
        }
      }
    }
    rows.sort((a, b) -> Long.compare(Long.parseLong(a.get(0).toString()), Long.parseLong(b.get(0).toString())));
    return rows;
  }

  private List<String> visibleFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
  }

  @Test
  void serviceLoaderFindsTheConnectorFromMinimalOptions() {
    assertThat(provider).isInstanceOf(FilesConnectorProvider.class);
    assertThat(provider.supportedWriteStrategies()).containsExactlyInAnyOrder(WriteStrategy.Kind.APPEND,
        WriteStrategy.Kind.OVERWRITE);
    provider.validateOptions(options(), ConnectorRole.SOURCE);
    provider.validateOptions(options("format", "parquet"), ConnectorRole.SINK);
    try (SourceConnector source = provider.createSource(options())) {
      assertThat(source.listDatasets()).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"parquet", "csv", "jsonl"})
  void writersPublishOnCommitAndTheSourceReadsEveryRowBack(String format) throws Exception {
    long committed = write(options("format", format), WriteStrategy.append(),
        List.of(orders(0, 20), orders(20, 15), List.of()));
    assertThat(committed).isEqualTo(35);
    // Two writers with rows wrote one file each; the writer without rows wrote none.
    assertThat(visibleFiles()).containsExactly("sales/orders/part-run1-00000-00000." + format,
        "sales/orders/part-run1-00001-00000." + format);

    try (SourceConnector source = provider.createSource(options())) {
      assertThat(source.listDatasets()).containsExactly(TARGET);
    }
    List<List<Object>> read = readAll(options(), TARGET, null, null);
    List<List<Object>> expected = TestData.norm(orders(0, 35));
    if (!format.equals("parquet")) {
      // Text formats read every column as STRING holding the value's text.
      expected = expected.stream().map(r -> r.stream().map(v -> v == null ? null
          : v instanceof LocalDateTime t ? t.toString().length() == 16 ? t + ":00" : t.toString() : v.toString())
          .map(Object.class::cast).toList()).toList();
    }
    assertThat(read).isEqualTo(expected);
  }

  @Test
  void aRunWithoutRowsWritesNoFile() throws Exception {
    assertThat(write(options("format", "parquet"), WriteStrategy.append(), List.of(List.of(), List.of()))).isZero();
    assertThat(visibleFiles()).isEmpty();
  }

  @Test
  void abortLeavesNoFileAndNoTemporary() throws Exception {
    try (SinkConnector sink = provider.createSink(options("format", "csv"));
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "run1", TARGET, ORDERS, WriteStrategy.append(),
             List.of(), TableCreation.CREATE_IF_ABSENT))) {
      SplitWriter finished = tx.openWriter(0);
      finished.write(TestData.batch(ORDERS, orders(0, 5)));
      finished.finish();
      SplitWriter open = tx.openWriter(1);
      open.write(TestData.batch(ORDERS, orders(5, 5)));
      assertThat(visibleFiles()).hasSize(2).allMatch(p -> p.startsWith("sales/orders/."));
      tx.abort();
    }
    assertThat(visibleFiles()).isEmpty();
  }

  @Test
  void closingWithoutCommitAbortsAndLeavesTheFolderAsItWas() throws Exception {
    write(options("format", "csv"), WriteStrategy.append(), List.of(orders(0, 3)));
    List<String> before = visibleFiles();
    try (SinkConnector sink = provider.createSink(options("format", "csv"));
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "run2", TARGET, ORDERS, WriteStrategy.overwrite(),
             List.of(), TableCreation.CREATE_IF_ABSENT))) {
      SplitWriter w = tx.openWriter(0);
      w.write(TestData.batch(ORDERS, orders(10, 3)));
      w.finish();
    }
    assertThat(visibleFiles()).isEqualTo(before);
  }

  @Test
  void rollsOverAtMaxRowsPerFile() throws Exception {
    write(options("format", "jsonl", "maxRowsPerFile", "4"), WriteStrategy.append(), List.of(orders(0, 10)));
    assertThat(visibleFiles()).containsExactly("sales/orders/part-run1-00000-00000.jsonl",
        "sales/orders/part-run1-00000-00001.jsonl", "sales/orders/part-run1-00000-00002.jsonl");
    assertThat(Files.readAllLines(dir.resolve("sales/orders/part-run1-00000-00002.jsonl"))).hasSize(2);
    assertThat(readAll(options(), TARGET, null, null)).hasSize(10);
  }

  @Test
  void fragmentsReportRowsAndBytes() {
    try (SinkConnector sink = provider.createSink(options("format", "parquet", "maxRowsPerFile", "3"));
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "r", TARGET, ORDERS, WriteStrategy.append(),
             List.of(), TableCreation.CREATE_IF_ABSENT))) {
      SplitWriter w = tx.openWriter(0);
      w.write(TestData.batch(ORDERS, orders(0, 7)));
      Fragment f = w.finish();
      assertThat(f.rows()).isEqualTo(7);
      long onDisk;
      try (Stream<Path> s = Files.walk(dir)) {
        onDisk = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      assertThat(f.bytes()).isPositive().isEqualTo(onDisk);
      assertThat(tx.commit(List.of(f))).isEqualTo(7);
    }
  }

  @Test
  void overwriteReplacesThePreviousFilesAfterTheNewOnesAreInPlace() throws Exception {
    write(options("format", "parquet", "fileName", "old-{writer}-{seq}.{ext}"), WriteStrategy.append(),
        List.of(orders(0, 5)));
    Files.createDirectories(dir.resolve("sales/orders/nested"));
    Files.writeString(dir.resolve("sales/orders/_SUCCESS"), "");
    write(options("format", "parquet"), WriteStrategy.overwrite(), List.of(orders(100, 3)));
    assertThat(visibleFiles()).containsExactly("sales/orders/_SUCCESS", "sales/orders/part-run1-00000-00000.parquet");
    assertThat(readAll(options(), TARGET, null, null)).extracting(r -> r.get(0)).containsExactly(100L, 101L, 102L);
  }

  @Test
  void anOverwriteThatCannotDeleteAnOldFileKeepsTheNewFilesAndNamesTheOldOne() throws Exception {
    write(options("format", "csv", "fileName", "stuck-{seq}.{ext}"), WriteStrategy.append(), List.of(orders(0, 5)));
    write(options("format", "csv", "fileName", "old-{seq}.{ext}"), WriteStrategy.append(), List.of(orders(10, 5)));
    ConnectorOptions stuck = options("location", "stuck:" + dir, "format", "csv");

    assertThatThrownBy(() -> write(stuck, WriteStrategy.overwrite(), List.of(orders(100, 3))))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR);
          assertThat(e.getMessage()).contains("published its 1 new file(s)", "could not delete 1 previous",
              "stuck-00000.csv");
        });
    // The new rows survive the failed delete (before, the abort removed them after the old ones were gone) and
    // every deletable old file is gone.
    assertThat(visibleFiles()).containsExactly("sales/orders/part-run1-00000-00000.csv", "sales/orders/stuck-00000.csv");
    assertThat(readAll(options(), TARGET, null, null)).extracting(r -> r.get(0))
        .containsExactlyInAnyOrder("0", "1", "2", "3", "4", "100", "101", "102");
  }

  @Test
  void aFileOfTheSameNameIsReplaced() throws Exception {
    ConnectorOptions fixed = options("format", "csv", "fileName", "data.{ext}");
    write(fixed, WriteStrategy.append(), List.of(orders(0, 5)));
    write(fixed, WriteStrategy.append(), List.of(orders(50, 2)));
    assertThat(visibleFiles()).containsExactly("sales/orders/data.csv");
    assertThat(readAll(options(), TARGET, null, null)).extracting(r -> r.get(0)).containsExactly("50", "51");
    try (SinkConnector sink = provider.createSink(fixed);
         WriteTransaction tx = sink.begin(WriteRequest.of("job", "r", TARGET, ORDERS, WriteStrategy.append(),
             List.of(), TableCreation.CREATE_IF_ABSENT))) {
      assertThat(tx.maxWriters()).isEqualTo(1);
    }
  }

  @Test
  void hiddenFilesAndFoldersAreSkipped() throws Exception {
    write(options("format", "csv"), WriteStrategy.append(), List.of(orders(0, 2)));
    Path folder = dir.resolve("sales/orders");
    Files.writeString(folder.resolve(".part-x.csv"), "id,note,updated\n999,hidden,x\n");
    Files.writeString(folder.resolve("_part-y.csv"), "id,note,updated\n998,hidden,x\n");
    Files.createDirectories(folder.resolve("_tmp"));
    Files.writeString(folder.resolve("_tmp/part.csv"), "id,note,updated\n997,hidden,x\n");
    Files.createDirectories(folder.resolve("day=2"));
    Files.writeString(folder.resolve("day=2/part.csv"), "id,note,updated\n5,nested,2024-01-01T00:05:00\n");
    Files.createDirectories(dir.resolve(".hidden/t"));
    Files.writeString(dir.resolve(".hidden/t/a.csv"), "a\n1\n");

    try (SourceConnector source = provider.createSource(options())) {
      assertThat(source.listDatasets()).containsExactly(DatasetId.of("sales", "orders"));
    }
    assertThat(readAll(options(), TARGET, null, null)).extracting(r -> r.get(0)).containsExactly("0", "1", "5");
  }

  @Test
  void listsDatasetsOneAndTwoLevelsDeep() throws Exception {
    Files.createDirectories(dir.resolve("a/b/c"));
    Files.writeString(dir.resolve("top.csv"), "x\n1\n");
    Files.writeString(dir.resolve("a/one.csv"), "x\n1\n");
    Files.writeString(dir.resolve("a/b/two.jsonl"), "{\"x\":1}\n");
    Files.writeString(dir.resolve("a/b/c/three.jsonl"), "{\"x\":3}\n");
    Files.createDirectories(dir.resolve("docs"));
    Files.writeString(dir.resolve("docs/readme.txt"), "not data");
    try (SourceConnector source = provider.createSource(options())) {
      assertThat(source.listDatasets()).containsExactly(DatasetId.of("a"), DatasetId.of("a", "b"));
      assertThat(source.describe(DatasetId.of("nope"))).isEmpty();
      assertThat(source.describe(DatasetId.of("a", "b")).orElseThrow().schema().names()).containsExactly("x");
    }
  }

  @Test
  void filesOfADatasetWithDifferentSchemasFailClearly() throws Exception {
    Files.createDirectories(dir.resolve("t"));
    Files.writeString(dir.resolve("t/1.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("t/2.csv"), "a,c\n1,2\n");
    assertThatThrownBy(() -> readAll(options(), DatasetId.of("t"), null, null))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH);
          assertThat(e.getMessage()).contains("2.csv").contains("[a, c]").contains("table t");
        });
    Files.writeString(dir.resolve("t/2.csv"), "a,b\n1,2\n");
    Files.writeString(dir.resolve("t/3.txt"), "a,b\n1,2\n");
    assertThatThrownBy(() -> readAll(options(), DatasetId.of("t"), null, null))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("3.txt").hasMessageContaining("'format' option");
  }

  @Test
  void badInputNamesFileAndLineThroughTheSource() throws Exception {
    Files.createDirectories(dir.resolve("t"));
    Files.writeString(dir.resolve("t/x.csv"), "a,b\n1,2\n3\n");
    assertThatThrownBy(() -> readAll(options(), DatasetId.of("t"), null, null))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.location()).contains("file " + dir.resolve("t/x.csv") + " line 3");
        });
  }

  @Test
  void incrementalReadKeepsOnlyRowsAboveTheWatermarkInTheColumnsType() throws Exception {
    write(options("format", "parquet"), WriteStrategy.append(), List.of(orders(0, 10)));
    Watermark lower = Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 6));
    assertThat(readAll(options(), TARGET, "updated", lower)).extracting(r -> r.get(0)).containsExactly(7L, 8L, 9L);
  }

  @Test
  void incrementalReadOfTextColumnsParsesTheTextAsTheWatermarkType() throws Exception {
    Files.createDirectories(dir.resolve("t"));
    // "10" > "9" only as numbers; 2024-01-01T00:00:00.5 > 2024-01-01T00:00 only as timestamps.
    Files.writeString(dir.resolve("t/x.csv"), "id,ts\n9,2024-01-01T00:00\n10,2024-01-01T00:00:00.5\n,\n2,2023-12-31 23:59:59\n");
    List<List<Object>> byId = readAll(options(), DatasetId.of("t"), "id", Watermark.of(LogicalType.int64(), 9L));
    assertThat(byId).extracting(r -> r.get(0)).containsExactly("10");
    List<List<Object>> byTs = readAll(options(), DatasetId.of("t"), "ts",
        Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0)));
    assertThat(byTs).extracting(r -> r.get(0)).containsExactly("10");
  }

  @Test
  void incrementalColumnNotSelectedIsReadToFilterAndDropped() throws Exception {
    write(options("format", "parquet"), WriteStrategy.append(), List.of(orders(0, 5)));
    try (SourceConnector source = provider.createSource(options())) {
      DatasetInfo info = source.describe(TARGET).orElseThrow();
      ReadRequest request = ReadRequest.builder("job", info).columns(Schema.of(ORDERS.field(0)))
          .watermarkColumn("updated").lowerExclusive(Watermark.of(LogicalType.timestamp(6),
              LocalDateTime.of(2024, 1, 1, 0, 2))).build();
      List<List<Object>> rows = new ArrayList<>();
      try (ReadSession session = source.beginRead(request)) {
        for (Split s : session.planSplits(Optional.empty())) {
          try (SplitReader r = session.openReader(s)) {
            for (RecordBatch b = r.next(); b != null; b = r.next()) {
              assertThat(b.columnCount()).isEqualTo(1);
              rows.addAll(TestData.rows(b));
            }
          }
        }
      }
      assertThat(rows).containsExactly(List.of(3L), List.of(4L));
    }
  }

  @Test
  void sinkDescribesExistingFilesAndRejectsAnAppendOfOtherColumns() throws Exception {
    try (SinkConnector sink = provider.createSink(options("format", "parquet"))) {
      assertThat(sink.describe(TARGET)).isEmpty();
      assertThatThrownBy(() -> sink.begin(WriteRequest.of("job", "r", TARGET, ORDERS, WriteStrategy.append(), List.of(),
          TableCreation.MUST_EXIST))).isInstanceOfSatisfying(CopyJobException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
    }
    write(options("format", "parquet"), WriteStrategy.append(), List.of(orders(0, 2)));
    try (SinkConnector sink = provider.createSink(options("format", "parquet"))) {
      assertThat(sink.describe(TARGET).orElseThrow().schema()).isEqualTo(ORDERS);
      Schema other = Schema.of(Field.of("id", LogicalType.string()));
      assertThatThrownBy(() -> sink.begin(WriteRequest.of("job", "r", TARGET, other, WriteStrategy.append(), List.of(),
          TableCreation.CREATE_IF_ABSENT))).isInstanceOfSatisfying(CopyJobException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.SCHEMA_MISMATCH));
      assertThatThrownBy(() -> sink.begin(WriteRequest.of("job", "r", TARGET, ORDERS, WriteStrategy.upsert("id"),
          List.of(), TableCreation.CREATE_IF_ABSENT))).isInstanceOfSatisfying(CopyJobException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_WRITE_STRATEGY));
    }
  }

  @Test
  void optionErrorsNameTheOption() {
    assertInvalid(Map.of(), ConnectorRole.SOURCE, "'location'");
    assertInvalid(Map.of("location", "x"), ConnectorRole.SINK, "'format'");
    assertInvalid(Map.of("location", "x", "format", "xml"), ConnectorRole.SOURCE, "'format'");
    assertInvalid(Map.of("location", "x", "format", "parquet", "compression", "lzo"), ConnectorRole.SINK, "'compression'");
    // Text formats are compressed too now; only "auto" makes no sense for writing.
    assertInvalid(Map.of("location", "x", "format", "csv", "compression", "auto"), ConnectorRole.SINK, "'compression'");
    assertInvalid(Map.of("location", "x", "locations", "/in"), ConnectorRole.SOURCE, "'locations'");
    assertInvalid(Map.of("locations", "/in", "format", "csv"), ConnectorRole.SINK, "'locations'");
    assertInvalid(Map.of("locations", "s3://b*/x"), ConnectorRole.SOURCE, "'locations'");
    assertInvalid(Map.of("locations.x", "/in"), ConnectorRole.SOURCE, "'locations.x'");
    assertInvalid(Map.of("locations", "/in", "dataset", "a.b.c"), ConnectorRole.SOURCE, "'dataset'");
    assertInvalid(Map.of("location", "x", "dataset", "a"), ConnectorRole.SOURCE, "'dataset'");
    assertInvalid(Map.of("location", "x", "splitSize", "64 parsecs"), ConnectorRole.SOURCE, "'splitSize'");
    assertInvalid(Map.of("location", "x", "maxBytesPerFile", "0"), ConnectorRole.SOURCE, "'maxBytesPerFile'");
    assertInvalid(Map.of("location", "x", "fileName", "data.csv", "maxBytesPerFile", "5"), ConnectorRole.SOURCE,
        "'fileName'");
    // Sources read multi-character field terminators (COPY INTO's FIELDTERMINATOR); the writer takes one.
    assertInvalid(Map.of("location", "x", "format", "csv", "csv.delimiter", ",,"), ConnectorRole.SINK,
        "'csv.delimiter'");
    assertInvalid(Map.of("location", "x", "csv.delimiter", ""), ConnectorRole.SOURCE, "'csv.delimiter'");
    assertInvalid(Map.of("location", "x", "csv.rowTerminator", ","), ConnectorRole.SOURCE, "'csv.rowTerminator'");
    assertInvalid(Map.of("location", "x", "csv.firstRow", "0"), ConnectorRole.SOURCE, "'csv.firstRow'");
    assertInvalid(Map.of("location", "x", "csv.encoding", "latin1"), ConnectorRole.SOURCE, "'csv.encoding'");
    assertInvalid(Map.of("location", "x", "csv.dateFormat", "mmddyy"), ConnectorRole.SOURCE, "'csv.dateFormat'");
    assertInvalid(Map.of("location", "x", "columns", "[{\"name\":\"a\"}]"), ConnectorRole.SOURCE, "'columns'");
    assertInvalid(Map.of("location", "x", "columns", "[{\"name\":\"a\",\"type\":\"INT9\"}]"),
        ConnectorRole.SOURCE, "'columns'");
    assertInvalid(Map.of("location", "x", "csv.quote", ","), ConnectorRole.SOURCE, "'csv.quote'");
    assertInvalid(Map.of("location", "x", "csv.header", "yes"), ConnectorRole.SOURCE, "'csv.header'");
    assertInvalid(Map.of("location", "x", "maxRowsPerFile", "0"), ConnectorRole.SOURCE, "'maxRowsPerFile'");
    assertInvalid(Map.of("location", "x", "fileName", "a/{seq}.csv"), ConnectorRole.SOURCE, "'fileName'");
    assertInvalid(Map.of("location", "x", "fileName", "{nope}.csv"), ConnectorRole.SOURCE, "'fileName'");
    assertInvalid(Map.of("location", "x", "fileName", "data.csv", "maxRowsPerFile", "5"), ConnectorRole.SOURCE,
        "'fileName'");
    assertInvalid(Map.of("location", "x", "maxRowPerFile", "5"), ConnectorRole.SOURCE, "'maxRowPerFile'");
    // Store options pass through to the file store untouched.
    provider.validateOptions(ConnectorOptions.of("files", Map.of("location", "x", "s3.region", "eu"), java.util.Set.of()),
        ConnectorRole.SOURCE);
  }

  private void assertInvalid(Map<String, String> options, ConnectorRole role, String mentions) {
    assertThatThrownBy(() -> provider.validateOptions(ConnectorOptions.of("files", options, java.util.Set.of()), role))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
          assertThat(e.getMessage()).contains(mentions);
        });
  }

  @Test
  void unknownSchemeSaysWhichArtifactToAdd() {
    assertThatThrownBy(() -> provider.createSource(ConnectorSpec.of("files", Map.of("location", "s3://bucket/x"))
        .toOptions(provider))).isInstanceOf(CopyJobException.class).hasMessageContaining("'s3'")
        .hasMessageContaining("copyjob-storage-s3");
  }

  @Test
  void typedBuilderMakesTheSameOptions() {
    assertThat(FilesLocation.parquet(dir)).isEqualTo(ConnectorSpec.of("files",
        Map.of("location", dir.toAbsolutePath().toString(), "format", "parquet")));
    ConnectorSpec spec = FilesLocation.builder().location("s3://b/p").format(FilesLocation.Format.CSV).csvDelimiter(';')
        .csvWithoutHeader().maxRowsPerFile(10).fileName("x-{writer}-{seq}.{ext}").option("s3.region", "eu").build();
    assertThat(spec.options()).containsEntry("csv.delimiter", ";").containsEntry("csv.header", "false")
        .containsEntry("maxRowsPerFile", "10").containsEntry("s3.region", "eu").containsEntry("format", "csv");
    assertThatThrownBy(() -> FilesLocation.builder().location("x").maxRowsPerFile(0).build())
        .isInstanceOf(CopyJobException.class).hasMessageContaining("'maxRowsPerFile'");
  }
}
