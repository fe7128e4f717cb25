package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import java.nio.file.Path;

/** The copyjob side of every PostgreSQL → Parquet scenario: a table to zstd Parquet files in a local folder. */
final class ParquetExport implements Variant {
  private final BenchContext ctx;
  private final String table;
  private final Path folder;
  private final CopyJob job;
  private long written;

  ParquetExport(BenchContext ctx, String table, String output, int parallelism) {
    this.ctx = ctx;
    this.table = table;
    this.folder = ctx.output(output);
    this.job = CopyJob.builder().name("benchmark-" + output)
        .source(PostgresConnection.of(ctx.url(), ctx.user(), ""))
        .destination(FilesLocation.parquet(folder))
        .table("public." + table, t -> t.overwrite())
        .parallelism(parallelism)
        .build();
  }

  @Override
  public long run() {
    written = job.run().throwIfFailed().rowsWritten();
    return written;
  }

  /** The files hold as many rows as the table, read back by an independent reader. */
  @Override
  public void verify() throws Exception {
    long rows = Checks.count(ctx, "SELECT count(*) FROM " + table);
    Checks.expect(folder.toString(), rows, DuckDb.parquetRows(folder));
  }
}
