package io.copyjob.storage.files.copyinto;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RejectPolicy;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.RejectedRow;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import io.copyjob.testkit.RecordingRejectsLog;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole loads through the engine into the memory sink, read in parallel byte ranges: every good row is written
 * once, every bad row rejected once with its exact bytes, rows read = written + rejected.
 */
class CopyIntoLoadTest {
  private static final String COLUMNS = "[{\"name\":\"id\",\"type\":\"INT32\",\"nullable\":false},"
      + "{\"name\":\"amount\",\"type\":\"DECIMAL(9,2)\"},{\"name\":\"day\",\"type\":\"DATE\"},"
      + "{\"name\":\"note\",\"type\":\"STRING(12)\"}]";

  @TempDir
  Path dir;

  /** 2,000 rows; rows whose id is a multiple of 97 are bad in one of five ways. */
  private List<byte[]> write(Path file, List<byte[]> bad) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 1; i <= 2000; i++) {
      String row;
      if (i % 97 == 0) {
        switch (i / 97 % 5) {
          case 0: row = "x" + i + ",1.00,2024-01-01,bad id\r\n"; break;
          case 1: row = i + ",1.00,2024-13-01,bad date\r\n"; break;
          case 2: row = i + ",1.00,2024-01-01,a note far too long\r\n"; break;
          case 3: row = i + ",12345678.9,2024-01-01,overflow\r\n"; break;
          default: row = i + ",1.00\r\n"; break; // too few fields
        }
        bad.add(row.getBytes(StandardCharsets.UTF_8));
      } else {
        row = i + "," + (i % 100) + ".129,2024-01-" + (1 + i % 28) + ",\"n, " + i + "\"\r\n";
      }
      out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
    }
    Files.write(file, out.toByteArray());
    return bad;
  }

  private CopyJob.Builder job(Path file, String store, RejectPolicy policy) {
    return CopyJob.builder().name("load")
        .source(ConnectorSpec.of("files", Map.of("locations", file.toString(), "dataset", "orders",
            "csv.header", "false", "csv.matchColumnCount", "true", "splitSize", "8KiB", "columns", COLUMNS)))
        .destination(MemoryConnectorProvider.spec(store))
        .parallelism(3).batchRows(50)
        .table("orders", t -> t.rejects(policy));
  }

  @Test
  void badRowsWithinTheLimitAreRejectedOnceWithTheirBytesAndGoodRowsLoadOnce() throws Exception {
    Path file = dir.resolve("orders.csv");
    List<byte[]> bad = write(file, new ArrayList<>());
    assertThat(bad).hasSize(20);
    String store = MemoryStore.fresh("dst");
    RecordingRejectsLog log = new RecordingRejectsLog();
    TableResult t = job(file, store, RejectPolicy.maxRows(20).loggedTo(log)).build().run().tables().get(0);

    assertThat(t.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsRejected()).isEqualTo(20);
    assertThat(t.rowsWritten()).isEqualTo(1980);
    assertThat(t.rowsRead()).isEqualTo(t.rowsWritten() + t.rowsRejected());
    List<List<Object>> rows = MemoryStore.named(store).rows(DatasetId.of("orders"));
    assertThat(rows).hasSize(1980);
    assertThat(rows.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(1980);
    assertThat(rows).filteredOn(r -> r.get(0).equals(5)).singleElement()
        .satisfies(r -> assertThat(r).containsExactly(5, new BigDecimal("5.12"), java.time.LocalDate.of(2024, 1, 6),
            "n, 5"));

    List<RejectedRow> rejected = new ArrayList<>(log.rows);
    rejected.sort(Comparator.comparingLong(RejectedRow::line));
    ByteArrayOutputStream rowCsv = new ByteArrayOutputStream();
    rejected.forEach(r -> rowCsv.writeBytes(r.raw().orElseThrow()));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    bad.forEach(expected::writeBytes);
    assertThat(rowCsv.toByteArray()).isEqualTo(expected.toByteArray());
    assertThat(rejected).extracting(RejectedRow::column).map(c -> c.orElse("-"))
        .containsOnly("id", "day", "note", "amount", "-");
    assertThat(rejected).allSatisfy(r -> assertThat(r.location()).endsWith("orders.csv"));
  }

  @Test
  void oneRejectBeyondTheLimitFailsAndLoadsNothing() throws Exception {
    Path file = dir.resolve("orders.csv");
    write(file, new ArrayList<>());
    String store = MemoryStore.fresh("dst");
    TableResult t = job(file, store, RejectPolicy.maxRows(19)).build().run().tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).contains(ErrorCode.TOO_MANY_REJECTED_ROWS);
    MemoryStore dst = MemoryStore.named(store);
    assertThat(dst.exists(DatasetId.of("orders")) ? dst.rows(DatasetId.of("orders")) : List.of()).isEmpty();
  }
}
