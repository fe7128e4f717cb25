package io.copyjob.examples;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.s3.S3Location;
import io.copyjob.testkit.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL to Parquet on S3 (s3proxy, in memory, on this machine) against PostgreSQL to Parquet on the local
 * disk, in the same run: what the object store costs on top of the same read and the same Parquet encoding.
 * The two alternate for {@code benchmark.rounds} rounds after a warm-up round; the medians are compared.
 */
public final class PgToS3Benchmark {
  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("benchmark.rows", 2_000_000);
    int rounds = Integer.getInteger("benchmark.rounds", 3);
    Path local = Files.createTempDirectory("copyjob-bench-parquet");
    S3ProxyServer s3 = S3ProxyServer.get();
    String bucket = s3.newBucket("bench");
    try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
      String url = db.createDatabase("bench");
      System.out.printf("generating %,d rows x 10 columns ...%n", rows);
      try (Connection c = db.connect("bench")) {
        BenchmarkData.create(c, "source_table", rows);
      }
      ConnectorSpec pg = PostgresConnection.of(url, db.user(), "");
      CopyJob toLocal = job("pg-to-local-parquet", pg, FilesLocation.parquet(local));
      CopyJob toS3 = job("pg-to-s3-parquet", pg, S3Location.builder().uri("s3://" + bucket + "/lake")
          .endpoint(s3.endpoint()).region(s3.region()).credentials(s3.accessKeyId(), s3.secretAccessKey())
          .format(FilesLocation.Format.PARQUET).build());

      List<Double> localSeconds = new ArrayList<>();
      List<Double> s3Seconds = new ArrayList<>();
      long peakHeap = 0;
      for (int round = 0; round <= rounds; round++) {
        double l = time(toLocal, rows);
        HeapMeter.reset();
        double r = time(toS3, rows);
        peakHeap = Math.max(peakHeap, HeapMeter.peakBytes());
        System.out.printf("round %d%s: local Parquet %.2f s, S3 Parquet %.2f s%n", round, round == 0 ? " (warm-up)" : "", l, r);
        if (round > 0) {
          localSeconds.add(l);
          s3Seconds.add(r);
        }
      }
      double l = PgToPgBenchmark.median(localSeconds);
      double r = PgToPgBenchmark.median(s3Seconds);
      System.out.println();
      System.out.println("| scenario | rows | seconds (median) | rows/s | ratio to baseline | peak heap |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      System.out.printf("| PG -> local Parquet (baseline) | %,d | %.2f | %,.0f | 1.00 | - |%n", rows, l, rows / l);
      System.out.printf("| PG -> S3 Parquet (s3proxy) | %,d | %.2f | %,.0f | %.2f | %d MB of %d MB |%n", rows, r, rows / r,
          l / r, peakHeap >> 20, HeapMeter.maxHeapBytes() >> 20);
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
