package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.Redactor;
import io.copyjob.spi.SplitWriter;
import io.copyjob.storage.files.store.FileStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fabric staging plan on a local file store: one Parquet file per writer, removed after the commit. */
class FabricStagingTest {
  @TempDir
  Path dir;

  private static final Schema SCHEMA = Schema.of(Field.required("id", LogicalType.int64()),
      Field.of("name", LogicalType.string()), Field.of("at", LogicalType.timestamp(7)));

  private static RecordBatch batch(int rows) {
    RecordBatch b = RecordBatch.allocate(SCHEMA, rows);
    for (int i = 0; i < rows; i++) {
      b.column(0).setObject(i, (long) i);
      b.column(1).setObject(i, "n" + i);
      b.column(2).setObject(i, LocalDateTime.parse("2024-01-01T00:00:00.1234567"));
    }
    b.setRowCount(rows);
    return b;
  }

  @Test
  void writersStageOneParquetFileEachUnderTheRunFolderAndRemoveAllDeletesThem() throws Exception {
    FabricStaging staging = new FabricStaging(FileStores.open(dir.toUri().toString(), Map.of()), "run-1", SCHEMA,
        Redactor.urlsOnly(), "dbo.t");
    SplitWriter w0 = staging.openWriter(0);
    SplitWriter w1 = staging.openWriter(1);
    SplitWriter w2 = staging.openWriter(2);
    w0.write(batch(100));
    w0.write(batch(50));
    w1.write(batch(7));
    w2.write(batch(3));
    Fragment f0 = w0.finish();
    Fragment f1 = w1.finish();
    w2.abort();
    assertThat(f0.rows()).isEqualTo(150);
    assertThat(f1.rows()).isEqualTo(7);
    assertThat(f0.bytes()).isPositive();
    assertThat(staging.stagedPaths()).containsExactly("copyjob-run-1/part-00000.parquet", "copyjob-run-1/part-00001.parquet");
    assertThat(parquetFiles()).containsExactlyInAnyOrder(dir.resolve("copyjob-run-1/part-00000.parquet"),
        dir.resolve("copyjob-run-1/part-00001.parquet"));
    assertThat(Files.readAllBytes(dir.resolve("copyjob-run-1/part-00000.parquet"))).startsWith('P', 'A', 'R', '1');
    // what COPY INTO reads: every file of the run folder
    assertThat(FabricSql.copyInto("[dbo].[t]", SCHEMA.names(), dir.toUri().toString(), "run-1", Map.of()))
        .contains("/copyjob-run-1/*.parquet").contains("FILE_TYPE = 'PARQUET'");

    staging.close();
    assertThat(parquetFiles()).isEmpty();
    assertThat(staging.stagedPaths()).isEmpty();
  }

  private List<Path> parquetFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".parquet")).toList();
    }
  }
}
