package io.copyjob.examples;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
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
 * same Parquet encoding (zstd both). Each round overwrites, so every Delta round is one commit removing the previous
 * round's files and adding the new ones. The two alternate for {@code benchmark.rounds} rounds after a warm-up
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
      CopyJob toParquet = job("pg-to-local-parquet", pg, FilesLocation.parquet(parquet));
      CopyJob toDelta = job("pg-to-delta", pg, DeltaLocation.of(delta));

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
      System.out.printf("| PG -> local Parquet (baseline) | %,d | %.2f | %,.0f | 1.00 | - |%n", rows, p, rows / p);
      System.out.printf("| PG -> Delta (local) | %,d | %.2f | %,.0f | %.2f | %d MB of %d MB |%n", rows, d, rows / d,
          p / d, peakHeap >> 20, HeapMeter.maxHeapBytes() >> 20);
    }
  }

  private static CopyJob job(String name, ConnectorSpec source, ConnectorSpec destination) {
    return CopyJob.builder().name(name).source(source).destination(destination)
        .table("public.source_table", t -> t.overwrite()).build();
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
