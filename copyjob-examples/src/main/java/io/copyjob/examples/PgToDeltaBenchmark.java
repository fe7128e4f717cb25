package io.copyjob.examples;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.delta.DeltaLocation;
import io.copyjob.storage.files.FilesLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL to a Delta table on the local disk against PostgreSQL to plain Parquet files on the local disk, in the
 * same run: what the Delta commit (log replay, statistics, the commit file) costs on top of the same read and the
 * same Parquet encoding (zstd both). Delta has no UUID type, so the table holds the {@code ref} column as its
 * 36-character text; the baseline converts it to text too, so that both write the same data (with the UUID as 16
 * bytes the plain files compress about a fifth less, and the ratio drops to about 0.7). Each round overwrites, so
 * every Delta round is one commit removing the previous round's files and adding the new ones. The two alternate for {@code benchmark.rounds} rounds after a warm-up
 * round; the medians are compared.
 */
public final class PgToDeltaBenchmark {
  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("benchmark.rows", 2_000_000);
    int rounds = Integer.getInteger("benchmark.rounds", 3);
    Path parquet = Files.createTempDirectory("copyjob-bench-parquet");
    Path delta = Files.createTempDirectory("copyjob-bench-delta");
    try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
      String url = db.createDatabase("bench");
      System.out.printf("generating %,d rows x 10 columns ...%n", rows);
      try (Connection c = db.connect("bench")) {
        BenchmarkData.create(c, "source_table", rows);
      }
      ConnectorSpec pg = PostgresConnection.of(url, db.user(), "");
      CopyJob toParquet = CopyJob.builder().name("pg-to-local-parquet").source(pg)
          .destination(FilesLocation.parquet(parquet))
          .table("public.source_table", t -> t.overwrite().convert("ref", LogicalType.string())).build();
      CopyJob toDelta = CopyJob.builder().name("pg-to-delta").source(pg).destination(DeltaLocation.of(delta))
          .table("public.source_table", t -> t.overwrite()).build();

      List<Double> parquetSeconds = new ArrayList<>();
      List<Double> deltaSeconds = new ArrayList<>();
      long peakHeap = 0;
      for (int round = 0; round <= rounds; round++) {
        double p = time(toParquet, rows);
        HeapMeter.reset();
        double d = time(toDelta, rows);
        peakHeap = Math.max(peakHeap, HeapMeter.peakBytes());
        System.out.printf("round %d%s: local Parquet %.2f s, Delta %.2f s%n", round, round == 0 ? " (warm-up)" : "",
            p, d);
        if (round > 0) {
          parquetSeconds.add(p);
          deltaSeconds.add(d);
        }
      }
      double p = PgToPgBenchmark.median(parquetSeconds);
      double d = PgToPgBenchmark.median(deltaSeconds);
      System.out.println();
      System.out.println("| scenario | rows | seconds (median) | rows/s | ratio to baseline | peak heap |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      System.out.printf("| PG -> local Parquet, UUID as text (baseline) | %,d | %.2f | %,.0f | 1.00 | - |%n", rows, p, rows / p);
      System.out.printf("| PG -> Delta (local) | %,d | %.2f | %,.0f | %.2f | %d MB of %d MB |%n", rows, d, rows / d,
          p / d, peakHeap >> 20, HeapMeter.maxHeapBytes() >> 20);
    }
  }

  private static double time(CopyJob job, long rows) {
    long start = System.nanoTime();
    RunResult run = job.run().throwIfFailed();
    if (run.rowsWritten() != rows) {
      throw new IllegalStateException(job.name() + " wrote " + run.rowsWritten() + " rows, expected " + rows);
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
