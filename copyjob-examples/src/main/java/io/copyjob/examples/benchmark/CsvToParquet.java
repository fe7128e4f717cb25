package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.FilesOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

/**
 * A CSV file (half the main table: 1M rows at the default size) → one Parquet file, against DuckDB's
 * {@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)} on one thread. Both sides are given the
 * column types (no sniffing) and write zstd.
 */
final class CsvToParquet {
  /** The types of the columns, as DuckDB's read_csv takes them. */
  private static final String DUCKDB_COLUMNS = "{'id': 'BIGINT', 'qty': 'INTEGER', 'name': 'VARCHAR',"
      + " 'price': 'DECIMAL(12,2)', 'created_at': 'TIMESTAMP', 'day': 'DATE', 'active': 'BOOLEAN',"
      + " 'score': 'DOUBLE', 'ref': 'UUID', 'note': 'VARCHAR'}";

  private CsvToParquet() {
  }

  static Scenario scenario() {
    return Scenario.rounds("csv-parquet", "CSV file → Parquet", List.of(
        Scenario.Spec.baseline("DuckDB COPY TO (FORMAT parquet), 1 thread", DuckDbCopy::new),
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.8), Copyjob::new)));
  }

  private static final class DuckDbCopy implements Variant {
    private final BenchContext ctx;
    private final Connection duckdb;
    private final Path file;

    DuckDbCopy(BenchContext ctx) throws Exception {
      this.ctx = ctx;
      this.duckdb = DuckDb.singleThreaded();
      this.file = ctx.output("csv-parquet-duckdb").resolve("half.parquet");
    }

    @Override
    public void prepare(int round) throws Exception {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(file);
    }

    @Override
    public long run() throws Exception {
      try (Statement s = duckdb.createStatement()) {
        s.execute("COPY (SELECT * FROM read_csv(" + DuckDb.quote(Fixtures.halfCsv(ctx).toString())
            + ", header = true, delim = ',', quote = '\"', escape = '\"', columns = " + DUCKDB_COLUMNS + "))"
            + " TO " + DuckDb.quote(file.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
      }
      return Fixtures.halfRows(ctx);
    }

    @Override
    public void verify() throws Exception {
      Checks.expect(file.toString(), Fixtures.halfRows(ctx), DuckDb.parquetRows(file.getParent()));
    }
  }

  private static final class Copyjob implements Variant {
    private final BenchContext ctx;
    private final Path folder;
    private final CopyJob job;

    Copyjob(BenchContext ctx) {
      this.ctx = ctx;
      this.folder = ctx.output("csv-parquet-copyjob");
      this.job = CopyJob.builder().name("benchmark-csv-parquet")
          .source(FilesLocation.builder().locations(Fixtures.halfCsv(ctx).toString())
              .format(FilesLocation.Format.CSV).build())
          .destination(FilesLocation.parquet(folder))
          .table(FilesOptions.DEFAULT_DATASET, t -> BenchmarkData.typed(t.overwrite()))
          .build();
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    @Override
    public void verify() throws Exception {
      Checks.expect(folder.toString(), Fixtures.halfRows(ctx), DuckDb.parquetRows(folder));
    }
  }
}
