package io.copyjob.storage.files.copyinto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableSpec;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.TableCreation;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load → the copy job it runs: the files options (columns from the destination table), the table's settings. */
class LoadPlannerTest {
  private static final DatasetId ORDERS = DatasetId.of("sales", "orders");
  private String store;
  private ConnectorSpec destination;

  @BeforeEach
  void table() {
    store = MemoryStore.fresh("copyinto");
    destination = MemoryConnectorProvider.spec(store);
    MemoryStore.named(store).createTable(DatasetInfo.of(ORDERS, Schema.of(
        Field.required("id", LogicalType.int64()), Field.of("city", LogicalType.string(40)),
        Field.of("amount", LogicalType.decimal(12, 2)), Field.of("ordered", LogicalType.date())), List.of("id"))
        .withIdentityColumns(List.of("id")));
  }

  @Test
  void withoutAColumnListEveryColumnByPositionAndTheIdentityLeftToTheDestination() {
    CopyJob job = CopyInto.parse("COPY INTO sales.orders FROM '/in/*.csv' WITH (MAXERRORS = 3, ERRORFILE = '/err')")
        .destination(destination).build().job();
    assertThat(job.source().type()).isEqualTo("files");
    assertThat(job.source().options()).containsEntry("columns", "["
        + "{\"name\":\"id\",\"type\":\"INT64\",\"nullable\":false},"
        + "{\"name\":\"city\",\"type\":\"STRING(40)\",\"nullable\":true},"
        + "{\"name\":\"amount\",\"type\":\"DECIMAL(12,2)\",\"nullable\":true},"
        + "{\"name\":\"ordered\",\"type\":\"DATE\",\"nullable\":true}]")
        .containsEntry("locations.1", "/in/*.csv").containsEntry("csv.header", "false");
    assertThat(job.destination()).isEqualTo(destination);
    TableSpec t = job.tables().get(0);
    assertThat(t.selector()).isEqualTo("sales.orders");
    assertThat(job.source().options()).containsEntry("dataset", "sales.orders");
    assertThat(t.creation()).isEqualTo(TableCreation.MUST_EXIST);
    assertThat(t.excludedColumns()).containsExactly("id");
    assertThat(t.rejects()).hasValue(RejectPolicy.maxRows(3).loggedTo(new ErrorFileLog("/err", Map.of())));
  }

  @Test
  void aColumnListPicksColumnsInItsOrderWithFieldNumbersDefaultsAndPaths() {
    CopyJob job = CopyInto.parse("COPY INTO sales.orders (CITY DEFAULT 'unknown' 3, Amount 1) FROM '/in/a.csv' "
        + "WITH (IDENTITY_INSERT = 'ON')").destination(destination).build().job();
    assertThat(job.source().options()).containsEntry("columns", "["
        + "{\"name\":\"city\",\"type\":\"STRING(40)\",\"nullable\":true,\"field\":3,\"default\":\"unknown\"},"
        + "{\"name\":\"amount\",\"type\":\"DECIMAL(12,2)\",\"nullable\":true,\"field\":1}]");
    assertThat(job.tables().get(0).excludedColumns()).isEmpty();
    assertThat(job.tables().get(0).rejects()).hasValue(RejectPolicy.maxRows(0));

    CopyJob jsonl = CopyInto.into("sales.orders").from("/in/*.jsonl").fileType(FileType.JSONL)
        .columns(CopyColumn.of("id").path("$.order.id"), CopyColumn.of("city")).identityInsert(OnOff.ON)
        .maxErrorsPercent(2.5).destination(destination).build().job();
    assertThat(jsonl.source().options()).containsEntry("columns", "["
        + "{\"name\":\"id\",\"type\":\"INT64\",\"nullable\":false,\"path\":\"$.order.id\"},"
        + "{\"name\":\"city\",\"type\":\"STRING(40)\",\"nullable\":true}]");
    assertThat(jsonl.tables().get(0).rejects()).hasValue(RejectPolicy.maxPercent(2.5));
  }

  @Test
  void theDestinationIsDescribedWithItsSecretReferencesResolved() {
    CopyJob job = CopyInto.parse("COPY INTO sales.orders FROM '/in/a.csv'")
        .destination(MemoryConnectorProvider.spec("${secret:dwh}"))
        .secretResolver(name -> name.equals("dwh") ? java.util.Optional.of(store) : java.util.Optional.empty())
        .build().job();
    assertThat(job.source().options().get("columns")).startsWith("[{\"name\":\"id\"");
    assertThat(job.destination().options()).containsEntry("store", "${secret:dwh}");
    assertThat(job.secretResolver()).isPresent();
  }

  @Test
  void aMissingTableOrColumnIsNamed() {
    assertThatThrownBy(() -> CopyInto.parse("COPY INTO sales.nothing FROM '/in/a.csv'").destination(destination)
        .build().job()).isInstanceOf(CopyJobException.class)
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND))
        .hasMessageContaining("table sales.nothing does not exist").hasMessageContaining("AUTO_CREATE_TABLE");
    assertThatThrownBy(() -> CopyInto.parse("COPY INTO sales.orders (id, zip) FROM '/in/a.csv'")
        .destination(destination).build().job())
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND))
        .hasMessageContaining("has no column 'zip'");
    assertThatThrownBy(() -> CopyInto.parse("COPY INTO t FROM '/in/a.csv'").build())
        .hasMessageContaining("no destination");
  }

  @Test
  void autoCreateFromCsvAndJsonLinesGuessesTypesFromTheFirstRows(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "1|true|2.50|2024-01-31|2024-01-31 10:00:00|x\n"
        + "22|false|-10.125|2024-02-01|2024-02-01T11:30|\n3||7||2024-02-02 00:00:00.123456|z\n");
    CopyJob csv = CopyInto.parse("COPY INTO sales.fresh FROM '" + dir.resolve("*.csv") + "' WITH ("
        + "FIELDTERMINATOR = '|', AUTO_CREATE_TABLE = 'ON')").destination(destination).build().job();
    assertThat(csv.source().options()).containsEntry("columns", "["
        + "{\"name\":\"column1\",\"type\":\"INT64\",\"nullable\":true},"
        + "{\"name\":\"column2\",\"type\":\"BOOLEAN\",\"nullable\":true},"
        + "{\"name\":\"column3\",\"type\":\"DECIMAL(5,3)\",\"nullable\":true},"
        + "{\"name\":\"column4\",\"type\":\"DATE\",\"nullable\":true},"
        + "{\"name\":\"column5\",\"type\":\"TIMESTAMP(6)\",\"nullable\":true},"
        + "{\"name\":\"column6\",\"type\":\"STRING\",\"nullable\":true}]");
    assertThat(csv.tables().get(0).creation()).isEqualTo(TableCreation.CREATE_IF_ABSENT);

    CopyJob named = CopyInto.parse("COPY INTO sales.fresh (id, amount 3) FROM '" + dir.resolve("*.csv") + "' WITH ("
        + "FIELDTERMINATOR = '|', AUTO_CREATE_TABLE = 'ON')").destination(destination).build().job();
    assertThat(named.source().options()).containsEntry("columns", "["
        + "{\"name\":\"id\",\"type\":\"INT64\",\"nullable\":true},"
        + "{\"name\":\"amount\",\"type\":\"DECIMAL(5,3)\",\"nullable\":true,\"field\":3}]");

    Files.writeString(dir.resolve("e.jsonl"), "{\"id\":1,\"name\":\"a\"}\n{\"id\":2,\"name\":\"b\"}\n");
    CopyJob jsonl = CopyInto.parse("COPY INTO sales.fresh FROM '" + dir.resolve("*.jsonl") + "' WITH ("
        + "FILE_TYPE = 'JSONL', AUTO_CREATE_TABLE = 'ON')").destination(destination).build().job();
    assertThat(jsonl.source().options()).containsEntry("columns", "["
        + "{\"name\":\"id\",\"type\":\"INT64\",\"nullable\":true},"
        + "{\"name\":\"name\",\"type\":\"STRING\",\"nullable\":true}]");
  }

  @Test
  void autoCreateFromParquetTakesTheFilesSchema() {
    CopyJob job = CopyInto.parse("COPY INTO sales.fresh FROM '/in/*.parquet' WITH (FILE_TYPE = 'PARQUET', "
        + "AUTO_CREATE_TABLE = 'ON')").destination(destination).build().job();
    assertThat(job.source().options()).doesNotContainKey("columns").containsEntry("format", "parquet");
    assertThat(job.tables().get(0).creation()).isEqualTo(TableCreation.CREATE_IF_ABSENT);
  }
}
