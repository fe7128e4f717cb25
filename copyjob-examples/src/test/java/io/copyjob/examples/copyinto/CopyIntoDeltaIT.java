package io.copyjob.examples.copyinto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.TableResult;
import io.copyjob.storage.delta.DeltaLocation;
import io.copyjob.storage.files.copyinto.CopyInto;
import io.copyjob.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * COPY INTO a Delta table: created by AUTO_CREATE_TABLE from sampled CSV, then loaded again with a rejected row;
 * the table is read back through a copy to PostgreSQL.
 */
class CopyIntoDeltaIT {
  private final Path root = Path.of("target", "copyinto-delta", UUID.randomUUID().toString()).toAbsolutePath();
  private final TestDatabase check = new TestDatabase("copyinto_delta");

  @Test
  void autoCreatesTheTableThenAppendsOnlyTheGoodRows() throws Exception {
    Files.createDirectories(root.resolve("in"));
    Files.writeString(root.resolve("in/first.csv"), "1,widget,3,9.99,2024-01-15\n2,gadget,1,19.50,2024-02-01\n");
    Files.writeString(root.resolve("in/second.csv"), "3,gizmo,12,0.5,2024-03-31\nfour,bad,1,1.00,2024-04-01\n",
        UTF_8);

    TableResult created = CopyInto.parse("COPY INTO sales.items FROM '" + root.resolve("in/first.csv")
            + "' WITH (AUTO_CREATE_TABLE = 'ON')")
        .destination(DeltaLocation.of(root.resolve("lake"))).run().throwIfFailed().tables().get(0);
    assertThat(created.rowsWritten()).isEqualTo(2);
    assertThat(root.resolve("lake/sales/items/_delta_log/00000000000000000000.json")).exists();

    TableResult appended = CopyInto.parse("COPY INTO sales.items FROM '" + root.resolve("in/second.csv")
            + "' WITH (MAXERRORS = 1, ERRORFILE = '" + root.resolve("errors") + "')")
        .destination(DeltaLocation.of(root.resolve("lake"))).run().throwIfFailed().tables().get(0);
    assertThat(appended.rowsRead()).isEqualTo(2);
    assertThat(appended.rowsWritten()).isEqualTo(1);
    assertThat(appended.rowsRejected()).isEqualTo(1);

    TableResult tooMany = CopyInto.parse("COPY INTO sales.items FROM '" + root.resolve("in/second.csv") + "'")
        .destination(DeltaLocation.of(root.resolve("lake"))).run().tables().get(0);
    assertThat(tooMany.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);

    CopyJob.builder().name("delta-readback").source(DeltaLocation.of(root.resolve("lake")))
        .destination(check.spec()).table("sales.items", t -> t.renameTo("public.items")).build().run()
        .throwIfFailed();
    assertThat(check.rows("SELECT column1, column2, column3, column4, column5 FROM items ORDER BY column1"))
        .containsExactly(List.of("1", "widget", "3", "9.99", "2024-01-15"),
            List.of("2", "gadget", "1", "19.50", "2024-02-01"),
            List.of("3", "gizmo", "12", "0.50", "2024-03-31"));
  }
}
