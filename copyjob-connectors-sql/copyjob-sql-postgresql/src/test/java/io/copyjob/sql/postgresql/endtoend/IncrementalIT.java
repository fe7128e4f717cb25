package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.TableResult;
import io.copyjob.core.WatermarkStores;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.storage.files.FilesLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Incremental copies on timestamp, timestamptz and bigint columns, to PostgreSQL and to Parquet files together,
 * with a file watermark store. Watermark boundaries are covered by the conformance suite
 * ({@code ..conformance.PostgresIncrementalIT}).
 */
class IncrementalIT {
  @TempDir
  Path dir;
  @TempDir
  Path marks;

  private final TestDatabase source = new TestDatabase("inc_src");
  private final TestDatabase target = new TestDatabase("inc_dst");

  /** The column's value for row {@code g} and the expression that moves a row past every earlier value. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "timestamp(6)   | timestamp '2024-01-01' + g * interval '1 microsecond' | localtimestamp",
      "timestamptz    | timestamptz '2024-01-01 00:00+00' + g * interval '1 microsecond' | now()",
      "bigint         | g                                                     | nextval('changes')"})
  void runOneCopiesAllRunTwoTheChangesRunThreeNothing(String type, String initial, String bump) throws Exception {
    source.exec("CREATE SEQUENCE changes START 1000000",
        "CREATE TABLE orders (id bigint PRIMARY KEY, status text, changed " + type + " NOT NULL)",
        "INSERT INTO orders SELECT g, 'new', " + initial + " FROM generate_series(1, 20000) g");
    WatermarkStore store = WatermarkStores.file(marks);
    CopyJob toPg = CopyJob.builder().name("inc-pg").source(source.spec()).destination(target.spec())
        .table("public.orders", t -> t.incremental("changed").upsert()).watermarkStore(store).parallelism(3).build();
    CopyJob toFiles = CopyJob.builder().name("inc-files").source(source.spec()).destination(FilesLocation.parquet(dir))
        .table("public.orders", t -> t.incremental("changed")).watermarkStore(store).build();

    TableResult first = toPg.run().throwIfFailed().tables().get(0);
    assertThat(first.rowsRead()).isEqualTo(20000);
    assertThat(toFiles.run().throwIfFailed().rowsWritten()).isEqualTo(20000);
    assertThat(dataFiles()).hasSize(1);

    source.exec("UPDATE orders SET status = 'shipped', changed = " + bump + " WHERE id % 1000 = 0",
        "INSERT INTO orders SELECT g, 'late', " + bump + " FROM generate_series(20001, 20005) g");
    TableResult second = toPg.run().throwIfFailed().tables().get(0);
    assertThat(second.rowsRead()).isEqualTo(25);
    assertThat(second.rowsWritten()).isEqualTo(25);
    assertThat(second.watermarkBefore()).isEqualTo(first.watermarkAfter());
    assertThat(toFiles.run().throwIfFailed().rowsWritten()).isEqualTo(25);
    assertThat(dataFiles()).hasSize(2);
    assertThat(source.rows("SELECT count(*), sum(id), count(*) FILTER (WHERE status = 'shipped') FROM orders"))
        .isEqualTo(target.rows("SELECT count(*), sum(id), count(*) FILTER (WHERE status = 'shipped') FROM orders"));

    TableResult third = toPg.run().throwIfFailed().tables().get(0);
    assertThat(third.rowsRead()).isZero();
    assertThat(third.watermarkAfter()).isEqualTo(second.watermarkAfter());
    assertThat(toFiles.run().throwIfFailed().rowsWritten()).isZero();
    assertThat(dataFiles()).as("no file for a run without rows").hasSize(2);
  }

  private List<Path> dataFiles() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
  }
}
