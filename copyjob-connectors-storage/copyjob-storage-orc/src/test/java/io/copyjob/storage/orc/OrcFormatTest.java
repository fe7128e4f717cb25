package io.copyjob.storage.orc;

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
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.Split;
import io.copyjob.spi.SplitReader;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.orc.CompressionKind;
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ORC files written by orc-core, read through the {@code files} connector. */
class OrcFormatTest {
  private static final long SMALL_STRIPES = 64 * 1024;
  private static final long ONE_STRIPE = 64L * 1024 * 1024;

  @TempDir
  Path dir;

  private final ConnectorProvider files = ConnectorRegistry.find("files");

  private ConnectorOptions options(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    map.put("location", dir.toString());
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return ConnectorSpec.of("files", map).toOptions(files);
  }

  /** Every row of dataset {@code id}, each value comparable ({@link OrcTestFiles#comparable}), split by split. */
  private List<List<Object>> read(ConnectorOptions options, DatasetId id, Schema columns, int batchRows) {
    List<List<Object>> rows = new ArrayList<>();
    try (SourceConnector source = files.createSource(options)) {
      DatasetInfo info = source.describe(id).orElseThrow();
      ReadRequest.Builder request = ReadRequest.builder("job", info).batchRows(batchRows).desiredSplits(4);
      if (columns != null) {
        request.columns(columns);
      }
      try (ReadSession session = source.beginRead(request.build())) {
        for (Split split : session.planSplits(Optional.empty())) {
          try (SplitReader reader = session.openReader(split)) {
            for (RecordBatch b = reader.next(); b != null; b = reader.next()) {
              for (int r = 0; r < b.rowCount(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < b.columnCount(); c++) {
                  row.add(OrcTestFiles.comparable(b.column(c).getObject(r)));
                }
                rows.add(row);
              }
            }
            assertThat(reader.bytesRead()).isNotNegative();
          }
        }
      }
    }
    return rows;
  }

  private static List<List<Object>> expected(List<Object[]> rows) {
    return rows.stream().map(r -> Arrays.stream(r).map(OrcTestFiles::comparable).toList()).toList();
  }

  @ParameterizedTest
  @EnumSource(value = CompressionKind.class, names = {"NONE", "ZLIB", "SNAPPY", "ZSTD", "LZ4", "LZO", "BROTLI"})
  void everyTypeAndEdgeValueReadsBackFromEachCodecByExtension(CompressionKind codec) throws IOException {
    OrcTestFiles.write(dir.resolve("t/all.orc"), OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(), codec, true,
        ONE_STRIPE);

    try (SourceConnector source = files.createSource(options())) {
      Schema schema = source.describe(DatasetId.of("t")).orElseThrow().schema();
      assertThat(schema.fields()).extracting(Field::type).containsExactly(LogicalType.bool(), LogicalType.int8(),
          LogicalType.int16(), LogicalType.int32(), LogicalType.int64(), LogicalType.float32(), LogicalType.float64(),
          LogicalType.decimal(38, 9), LogicalType.decimal(10, 2), LogicalType.string(), LogicalType.string(10),
          LogicalType.string(3), LogicalType.binary(), LogicalType.date(), LogicalType.timestamp(9),
          LogicalType.timestampTz(9), LogicalType.list(LogicalType.int32()),
          LogicalType.map(LogicalType.string(), LogicalType.float64()),
          LogicalType.struct(List.of(Field.of("a", LogicalType.int32()), Field.of("b", LogicalType.string()))));
      assertThat(schema.fields()).allMatch(Field::nullable);
    }
    List<List<Object>> rows = read(options(), DatasetId.of("t"), null, 3);

    assertThat(rows).containsExactlyElementsOf(expected(OrcTestFiles.allTypesRows()));
    // Explicitly, what a loose comparison could hide: the decimal scale, nanoseconds, empty string vs NULL.
    assertThat(((BigDecimal) rows.get(0).get(8)).scale()).isEqualTo(2);
    assertThat(rows.get(2).get(8).toString()).isEqualTo("0.00");
    assertThat(rows.get(0).get(7).toString()).isEqualTo("12345678901234567890123456789.123456789");
    assertThat(rows.get(2).get(14)).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1));
    assertThat(rows.get(3).get(15)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999999Z"));
    assertThat(rows.get(2).get(9)).isEqualTo("");
    assertThat(rows.get(1)).containsOnlyNulls();
    assertThat(rows.get(0).get(9)).isEqualTo("héllo 😀 世界 ü");
  }

  @Test
  void hybridCalendarFilesReadAsTheDatesTheyWereWrittenWith() throws IOException {
    OrcTestFiles.write(dir.resolve("t/hybrid.orc"), OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(),
        CompressionKind.ZLIB, false, ONE_STRIPE);

    List<List<Object>> rows = read(options(), DatasetId.of("t"),
        Schema.of(Field.of("dt", LogicalType.date()), Field.of("ts", LogicalType.timestamp(9))), 100);

    assertThat(rows).extracting(r -> r.get(0)).containsExactly(LocalDate.of(2024, 2, 29), null, LocalDate.of(1, 1, 1),
        LocalDate.of(9999, 12, 31));
    assertThat(rows.get(2).get(1)).isEqualTo(LocalDateTime.of(1, 1, 1, 0, 0, 0, 1));
  }

  @Test
  void timestampsWrittenInAnotherZoneReadAsTheirWallClockTime() throws IOException {
    java.util.TimeZone before = java.util.TimeZone.getDefault();
    java.time.ZoneId losAngeles = java.time.ZoneId.of("America/Los_Angeles");
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(losAngeles));
    try {
      OrcTestFiles.write(dir.resolve("t/la.orc"), OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(),
          CompressionKind.ZLIB, true, ONE_STRIPE, losAngeles);
    } finally {
      java.util.TimeZone.setDefault(before);
    }

    List<List<Object>> rows = read(options(), DatasetId.of("t"), Schema.of(Field.of("ts", LogicalType.timestamp(9)),
        Field.of("tsz", LogicalType.timestampTz(9))), 100);

    assertThat(rows.get(0)).containsExactly(LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_789),
        Instant.parse("2024-02-29T12:34:56.987654321Z"));
    assertThat(rows.get(3)).containsExactly(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
        Instant.parse("9999-12-31T23:59:59.999999999Z"));
  }

  @Test
  void theFormatOptionReadsFilesOfAnyNameAndOnlyTheRequestedColumns() throws IOException {
    OrcTestFiles.write(dir.resolve("sales/orders/part-0.data"), OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(),
        CompressionKind.SNAPPY, true, ONE_STRIPE);

    List<List<Object>> rows = read(options("format", "orc"), DatasetId.of("sales", "orders"),
        Schema.of(Field.of("s", LogicalType.string()), Field.of("i64", LogicalType.int64())), 2);

    assertThat(rows).containsExactly(Arrays.asList("héllo 😀 世界 ü", 4L), Arrays.asList(null, null),
        Arrays.asList("", Long.MIN_VALUE), Arrays.asList("line\nbreak, \"quoted\" 𝄞", Long.MAX_VALUE));
  }

  @Test
  void manyStripesAreSplitAndEveryRowIsReadOnce() throws IOException {
    TypeDescription schema = TypeDescription.fromString("struct<id:bigint,name:string,price:decimal(12,3)>");
    List<Object[]> written = new ArrayList<>();
    for (long i = 0; i < 60_000; i++) {
      written.add(new Object[] {i, i % 7 == 0 ? null : "name " + i, BigDecimal.valueOf(i, 3)});
    }
    OrcTestFiles.write(dir.resolve("big/data.orc"), schema, written, CompressionKind.ZSTD, true, SMALL_STRIPES);

    ConnectorOptions options = options("splitSize", "16k");
    int splits;
    try (SourceConnector source = files.createSource(options);
         ReadSession session = source.beginRead(ReadRequest.builder("job",
             source.describe(DatasetId.of("big")).orElseThrow()).desiredSplits(4).build())) {
      splits = session.planSplits(Optional.empty()).size();
    }
    List<List<Object>> rows = read(options, DatasetId.of("big"), null, 1000);

    assertThat(splits).isGreaterThan(1);
    assertThat(rows).hasSize(60_000);
    rows.sort((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0)));
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).containsExactly((long) i, i % 7 == 0 ? null : "name " + i, BigDecimal.valueOf(i, 3));
    }
  }

  @Test
  void onlyTheRequestedColumnsBytesAreFetchedFromTheStore() throws IOException {
    TypeDescription schema = TypeDescription.fromString("struct<id:int,payload:binary>");
    java.util.Random random = new java.util.Random(42);
    List<Object[]> written = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      byte[] noise = new byte[1000];
      random.nextBytes(noise);
      written.add(new Object[] {i, noise});
    }
    Path file = dir.resolve("wide/data.orc");
    OrcTestFiles.write(file, schema, written, CompressionKind.ZSTD, true, ONE_STRIPE);

    long fetched = 0;
    long rows = 0;
    try (SourceConnector source = files.createSource(options());
         ReadSession session = source.beginRead(ReadRequest.builder("job",
             source.describe(DatasetId.of("wide")).orElseThrow())
             .columns(Schema.of(Field.of("id", LogicalType.int32()))).build())) {
      for (Split split : session.planSplits(Optional.empty())) {
        try (SplitReader reader = session.openReader(split)) {
          for (RecordBatch b = reader.next(); b != null; b = reader.next()) {
            rows += b.rowCount();
          }
          fetched += reader.bytesRead();
        }
      }
    }

    // The 2 MB of random payload stays in the store: positional reads fetch the tail and the id streams only.
    assertThat(rows).isEqualTo(2000);
    assertThat(Files.size(file)).isGreaterThan(2_000_000);
    assertThat(fetched).isPositive().isLessThan(100_000);
  }

  @Test
  void anEmptyFileBesideOthersHasNoRows() throws IOException {
    OrcTestFiles.write(dir.resolve("t/a.orc"), OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(),
        CompressionKind.ZLIB, true, ONE_STRIPE);
    Files.write(dir.resolve("t/b.orc"), new byte[0]);

    List<List<Object>> rows = read(options(), DatasetId.of("t"), Schema.of(Field.of("i32", LogicalType.int32())), 10);

    assertThat(rows).containsExactly(List.of(3), Arrays.asList((Object) null), List.of(Integer.MIN_VALUE),
        List.of(Integer.MAX_VALUE));
  }

  @Test
  void aTruncatedFileFailsNamingTheFile() throws IOException {
    Path good = dir.resolve("t/good.orc");
    OrcTestFiles.write(good, OrcTestFiles.ALL_TYPES, OrcTestFiles.allTypesRows(), CompressionKind.ZLIB, true,
        ONE_STRIPE);
    byte[] bytes = Files.readAllBytes(good);
    Files.delete(good);
    Files.write(dir.resolve("t/cut.orc"), Arrays.copyOf(bytes, bytes.length / 2));

    assertThatThrownBy(() -> read(options(), DatasetId.of("t"), null, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.getMessage()).contains("cut.orc").contains("not a readable ORC file");
        });
  }

  @Test
  void aFileThatIsNotOrcFailsNamingTheFile() throws IOException {
    Files.createDirectories(dir.resolve("t"));
    Files.writeString(dir.resolve("t/fake.orc"), "id,name\n1,not orc at all\n");

    assertThatThrownBy(() -> read(options(), DatasetId.of("t"), null, 10))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.getMessage()).contains("fake.orc");
        });
  }

  @Test
  void writingOrcIsRefusedBeforeAnyFileIsWritten() throws IOException {
    Schema schema = Schema.of(Field.of("x", LogicalType.int32()));
    try (SinkConnector sink = files.createSink(options("format", "orc"))) {
      assertThatThrownBy(() -> sink.begin(WriteRequest.of("job", "run1", DatasetId.of("out"), schema,
          WriteStrategy.append(), List.of(), TableCreation.CREATE_IF_ABSENT)))
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_CONVERSION);
            assertThat(e.getMessage()).contains("does not write").contains("ORC");
          });
    }
    try (java.util.stream.Stream<Path> left = Files.walk(dir)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void validOptionsForASourceNameTheOrcFormat() {
    files.validateOptions(options("format", "orc"), ConnectorRole.SOURCE);
    assertThatThrownBy(() -> files.validateOptions(options("format", "avro"), ConnectorRole.SOURCE))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.getMessage())
            .contains("csv, jsonl, parquet, orc").contains("'avro'"));
  }
}
