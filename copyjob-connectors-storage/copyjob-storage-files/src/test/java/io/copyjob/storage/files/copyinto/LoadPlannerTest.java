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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
  void autoCreateFromParquetTakesTheFilesSchema() {
    CopyJob job = CopyInto.parse("COPY INTO sales.fresh FROM '/in/*.parquet' WITH (FILE_TYPE = 'PARQUET', "
        + "AUTO_CREATE_TABLE = 'ON')").destination(destination).build().job();
    assertThat(job.source().options()).doesNotContainKey("columns").containsEntry("format", "parquet");
    assertThat(job.tables().get(0).creation()).isEqualTo(TableCreation.CREATE_IF_ABSENT);
  }
}
