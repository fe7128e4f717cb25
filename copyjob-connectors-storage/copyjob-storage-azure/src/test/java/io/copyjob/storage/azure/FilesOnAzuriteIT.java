package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableSpec;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.testkit.AzuriteServer;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** End to end through the files connector: memory → Azure Blob (Azurite) in each format → memory, equal values. */
class FilesOnAzuriteIT {
  private static final DatasetId ORDERS = DatasetId.of("sales", "orders");
  private static final int ROWS = 5_000;
  private static final Schema SCHEMA = Schema.of(
      Field.required("id", LogicalType.int64()),
      Field.of("qty", LogicalType.int32()),
      Field.of("price", LogicalType.float64()),
      Field.of("note", LogicalType.string()),
      Field.of("amount", LogicalType.decimal(12, 2)),
      Field.of("paid", LogicalType.bool()),
      Field.of("day", LogicalType.date()),
      Field.of("updated", LogicalType.timestamp(6)),
      Field.of("seen", LogicalType.timestampTz(6)));

  private static String sourceStore() {
    String name = MemoryStore.fresh("azure-src");
    MemoryStore store = MemoryStore.named(name);
    store.createTable(ORDERS, SCHEMA, List.of("id"));
    LocalDateTime t0 = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000);
    for (long i = 1; i <= ROWS; i++) {
      boolean nulls = i % 97 == 0;
      store.insert(ORDERS, i, nulls ? null : (int) (i % 1000) - 500, nulls ? null : i / 7.0,
          nulls ? null : i % 5 == 0 ? "ünï, \"quoted\"\nline " + i : "note " + i,
          nulls ? null : BigDecimal.valueOf(i * 1001 - 2_500_000, 2), nulls ? null : i % 2 == 0,
          nulls ? null : LocalDate.of(2020, 1, 1).plusDays(i), nulls ? null : t0.plusSeconds(i * 37),
          nulls ? null : Instant.parse("2024-06-01T12:00:00.000001Z").plusMillis(i * 1013));
    }
    return name;
  }

  private static AzureLocation.Builder location(String container) {
    // Small blocks so that the larger files go up as several staged blocks.
    return AzureLocation.blob(AzuriteServer.blobUrl(container, "lake")).endpoint(AzuriteServer.endpoint())
        .accountKey(AzuriteServer.KEY).blockSizeBytes(64 * 1024);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(r -> (Long) r.get(0)));
    return copy;
  }

  @ParameterizedTest
  @EnumSource(FilesLocation.Format.class)
  void copiesToBlobStorageAndBackWithEqualValues(FilesLocation.Format format) throws Exception {
    String container = AzuriteServer.newContainer("e2e-" + format.optionValue());
    String source = sourceStore();
    ConnectorSpec lake = location(container).format(format).maxRowsPerFile(1500)
        .fileName("part-{run}-{writer}-{seq}.{ext}").build();
    assertThat(lake.toString()).doesNotContain(AzuriteServer.KEY);

    // Twice with OVERWRITE: the second run replaces the first run's files rather than adding to them.
    for (int run = 0; run < 2; run++) {
      RunResult written = CopyJob.builder().name("to-azure-" + format)
          .source(MemoryConnectorProvider.spec(source, "splitRows", "1000"))
          .destination(lake).table("sales.orders", t -> t.overwrite()).parallelism(2).build().run().throwIfFailed();
      assertThat(written.table("sales.orders").orElseThrow().rowsWritten()).isEqualTo(ROWS);
    }
    BlobFileStore store = Azurite.store(container, "lake");
    List<FileInfo> files = store.list("sales/orders");
    assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f.path()).endsWith("." + format.optionValue()));
    // 5 splits of 1000 rows over 2 writers, at most 1500 rows a file, and none left of the first run.
    assertThat(files.size()).isBetween(4, 10);

    String destination = MemoryStore.fresh("azure-dst");
    TableSpec.Builder table = TableSpec.builder("sales.orders");
    if (format != FilesLocation.Format.PARQUET) {
      // Text formats read every column as text: convert back to the source's types.
      for (Field f : SCHEMA.fields()) {
        if (!f.type().equals(LogicalType.string())) {
          table.convert(f.name(), f.type());
        }
      }
    }
    RunResult read = CopyJob.builder().name("from-azure-" + format).source(location(container).build())
        .destination(MemoryConnectorProvider.spec(destination)).table(table.build()).parallelism(2).build().run()
        .throwIfFailed();
    TableResult t = read.table("sales.orders").orElseThrow();
    assertThat(t.rowsRead()).isEqualTo(ROWS);
    assertThat(t.bytesRead()).isPositive();

    List<List<Object>> expected = sorted(MemoryStore.named(source).rows(ORDERS));
    List<List<Object>> actual = sorted(MemoryStore.named(destination).rows(ORDERS));
    assertThat(actual).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(actual.get(i)).as(format.name().toLowerCase(Locale.ROOT) + " row " + (i + 1))
          .isEqualTo(expected.get(i));
    }
  }

  @org.junit.jupiter.api.Test
  void aWrongKeyFailsTheRunWithAuthenticationFailedAndTheKeyNowhere() {
    String container = AzuriteServer.newContainer("e2e-auth");
    String wrongKey = java.util.Base64.getEncoder().encodeToString("definitely-not-the-emulator-key-0123456789"
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ConnectorSpec lake = AzureLocation.blob(AzuriteServer.blobUrl(container, "lake")).endpoint(AzuriteServer.endpoint())
        .accountKey(wrongKey).format(FilesLocation.Format.CSV).build();
    assertThat(lake.toString()).doesNotContain(wrongKey).contains("azure.accountKey=****");
    RunResult run = CopyJob.builder().name("wrong-key").source(MemoryConnectorProvider.spec(sourceStore()))
        .destination(lake).table("sales.orders").build().run();
    assertThat(run.succeeded()).isFalse();
    assertThat(run.table("sales.orders").orElseThrow().errorCode())
        .contains(io.copyjob.ErrorCode.AUTHENTICATION_FAILED);
    String error = run.table("sales.orders").orElseThrow().error().orElseThrow();
    assertThat(error).contains("refused the credentials").doesNotContain(wrongKey);
    assertThat(run.toString()).doesNotContain(wrongKey);
  }
}
