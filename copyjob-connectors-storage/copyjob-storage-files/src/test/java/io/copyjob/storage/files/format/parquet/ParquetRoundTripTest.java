package io.copyjob.storage.files.format.parquet;

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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetRoundTripTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(ParquetCompression.class)
  void everyTypeAndEdgeValueReadsBackEqual(ParquetCompression compression) throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(compression);
    FileInfo file = TestData.write(store, format, "t/all.parquet", TestData.ALL_TYPES, TestData.allTypesRows());

    assertThat(format.readSchema(store, file)).isEqualTo(TestData.ALL_TYPES);
    assertThat(TestData.read(store, format, file, 2)).isEqualTo(TestData.norm(TestData.allTypesRows()));
  }

  @Test
  void schemaRefinementsAndRequiredColumnsSurviveThroughTheFooter() throws Exception {
    Schema schema = Schema.of(Field.required("id", LogicalType.int32()), Field.of("code", LogicalType.string(20)),
        Field.of("ts3", LogicalType.timestamp(3)), Field.of("t0", LogicalType.time(0)),
        Field.of("tz7", LogicalType.timestampTz(7)), Field.of("raw", LogicalType.binary(16)));
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(ParquetCompression.SNAPPY);
    List<Object[]> rows = List.<Object[]>of(new Object[] {1, "x", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000),
        java.time.LocalTime.of(1, 2, 3), java.time.Instant.parse("2024-01-02T03:04:05.1234567Z"), new byte[] {1}});
    FileInfo file = TestData.write(store, format, "r.parquet", schema, rows);

    assertThat(format.readSchema(store, file)).isEqualTo(schema);
    assertThat(TestData.read(store, format, file, 10)).isEqualTo(TestData.norm(rows));
  }

  @Test
  void projectionReadsChosenColumnsInTheAskedOrderAcrossBatches() throws Exception {
    Schema schema = Schema.of(Field.of("a", LogicalType.int64()), Field.of("b", LogicalType.string()),
        Field.of("c", LogicalType.decimal(10, 2)));
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      rows.add(new Object[] {(long) i, i % 7 == 0 ? null : "v" + (i % 10), BigDecimal.valueOf(i, 2)});
    }
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(ParquetCompression.ZSTD);
    FileInfo file = TestData.write(store, format, "p.parquet", schema, rows);

    Schema wanted = Schema.of(schema.field(2), schema.field(1));
    List<List<Object>> read = TestData.read(store, format, file, schema, wanted, 300);
    assertThat(read).hasSize(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(read.get(i)).containsExactly(BigDecimal.valueOf(i, 2), i % 7 == 0 ? null : "v" + (i % 10));
    }
  }

  @Test
  void nanosecondTimestampOutsideParquetRangeFailsNamingTheColumn() throws Exception {
    Schema schema = Schema.of(Field.of("ts", LogicalType.timestamp(9)));
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(ParquetCompression.ZSTD);
    List<Object[]> rows = List.<Object[]>of(new Object[] {LocalDateTime.of(1, 1, 1, 0, 0)});
    assertThatThrownBy(() -> TestData.write(store, format, "n.parquet", schema, rows))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CONVERSION_FAILED);
          assertThat(e.column()).contains("ts");
          assertThat(e.getMessage()).contains("0001-01-01T00:00:00").contains("TIMESTAMP(NANOS)");
        });
  }

  @Test
  void decimalThatNeedsRoundingFailsInsteadOfLosingDigits() {
    Schema schema = Schema.of(Field.of("d", LogicalType.decimal(5, 2)));
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(ParquetCompression.ZSTD);
    assertThatThrownBy(() -> TestData.write(store, format, "d1.parquet", schema,
        List.<Object[]>of(new Object[] {new BigDecimal("1.234")})))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("1.234").hasMessageContaining("column d");
    assertThatThrownBy(() -> TestData.write(store, format, "d2.parquet", schema,
        List.<Object[]>of(new Object[] {new BigDecimal("1234.5")})))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("more digits than DECIMAL(5,2)");
  }

  @Test
  void corruptFileFailsAsBadInputNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("bad.parquet"), "PAR1 this is not really parquet at all PAR1");
    LocalFileStore store = new LocalFileStore(dir);
    FileInfo file = store.list("").get(0);
    assertThatThrownBy(() -> new ParquetFormat(ParquetCompression.ZSTD).readSchema(store, file))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
          assertThat(e.getMessage()).contains(dir.resolve("bad.parquet").toString());
        });
  }

  @Test
  void truncatedFileFailsAsBadInput() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    ParquetFormat format = new ParquetFormat(ParquetCompression.ZSTD);
    FileInfo file = TestData.write(store, format, "x.parquet", TestData.ALL_TYPES, TestData.allTypesRows());
    byte[] bytes = Files.readAllBytes(dir.resolve("x.parquet"));
    Files.write(dir.resolve("x.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    FileInfo cut = store.list("").get(0);
    assertThatThrownBy(() -> format.readSchema(store, cut))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("x.parquet")
        .extracting(e -> ((CopyJobException) e).code()).isEqualTo(ErrorCode.BAD_INPUT);
    assertThat(file.size()).isGreaterThan(cut.size());
  }
}
