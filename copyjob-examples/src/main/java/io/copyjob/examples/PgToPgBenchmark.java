package io.copyjob.examples;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.sql.postgresql.PostgresConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * PostgreSQL to PostgreSQL: copyjob against the database's own fastest path, {@code COPY ... TO STDOUT (FORMAT
 * binary)} piped into {@code COPY ... FROM STDIN (FORMAT binary)}, on the same server in the same run. The two
 * alternate for {@code benchmark.rounds} rounds; the medians are compared.
 *
 * <p>Run with {@code ./mvnw -q -Pbenchmark -DskipTests verify -pl copyjob-examples -am} (2M rows, -Xmx256m).
 */
public final class PgToPgBenchmark {
  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("benchmark.rows", 2_000_000);
    int rounds = Integer.getInteger("benchmark.rounds", 3);
    try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
      String url = db.createDatabase("bench");
      System.out.printf("generating %,d rows x 10 columns ...%n", rows);
      try (Connection c = db.connect("bench")) {
        BenchmarkData.create(c, "source_table", rows);
        BenchmarkData.createEmpty(c, "baseline_target");
      }
      CopyJob job = CopyJob.builder().name("pg-to-pg-benchmark")
          .source(PostgresConnection.of(url, db.user(), ""))
          .destination(PostgresConnection.of(url, db.user(), ""))
          .table("public.source_table", t -> t.renameTo("public.copyjob_target"))
          .build();

      List<Double> baseline = new ArrayList<>();
      List<Double> copyjob = new ArrayList<>();
      long peakHeap = 0;
      // Round 0 warms up the JIT and PostgreSQL's caches for both sides and is not counted.
      for (int round = 0; round <= rounds; round++) {
        truncate(db, "baseline_target");
        double baselineSeconds = timeBaseline(db, rows);
        truncate(db, "copyjob_target");
        HeapMeter.reset();
        long start = System.nanoTime();
        RunResult run = job.run().throwIfFailed();
        double seconds = (System.nanoTime() - start) / 1e9;
        peakHeap = Math.max(peakHeap, HeapMeter.peakBytes());
        if (run.rowsWritten() != rows) {
          throw new IllegalStateException("copyjob wrote " + run.rowsWritten() + " rows, expected " + rows);
        }
        System.out.printf("round %d%s: baseline %.2f s, copyjob %.2f s%n", round, round == 0 ? " (warm-up)" : "",
            baselineSeconds, seconds);
        if (round > 0) {
          baseline.add(baselineSeconds);
          copyjob.add(seconds);
        }
      }
      verifyEqual(db);
      double b = median(baseline);
      double c = median(copyjob);
      System.out.println();
      System.out.println("| scenario | rows | seconds (median) | rows/s | ratio to baseline | peak heap |");
      System.out.println("|---|---:|---:|---:|---:|---:|");
      System.out.printf("| COPY binary TO STDOUT \\| FROM STDIN (baseline) | %,d | %.2f | %,.0f | 1.00 | - |%n", rows, b, rows / b);
      System.out.printf("| copyjob PG -> PG (copy method) | %,d | %.2f | %,.0f | %.2f | %d MB of %d MB |%n", rows, c,
          rows / c, b / c, peakHeap >> 20, HeapMeter.maxHeapBytes() >> 20);
    }
  }

  private static double timeBaseline(EmbeddedDatabase db, long rows) throws Exception {
    try (Connection from = db.connect("bench"); Connection to = db.connect("bench")) {
      CopyManager out = from.unwrap(PGConnection.class).getCopyAPI();
      CopyManager in = to.unwrap(PGConnection.class).getCopyAPI();
      long start = System.nanoTime();
      CopyOut copyOut = out.copyOut("COPY source_table TO STDOUT (FORMAT binary)");
      CopyIn copyIn = in.copyIn("COPY baseline_target FROM STDIN (FORMAT binary)");
      byte[] chunk;
      while ((chunk = copyOut.readFromCopy()) != null) {
        copyIn.writeToCopy(chunk, 0, chunk.length);
      }
      long copied = copyIn.endCopy();
      if (copied != rows) {
        throw new IllegalStateException("baseline copied " + copied + " rows");
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static void verifyEqual(EmbeddedDatabase db) throws Exception {
    String diff = "SELECT count(*) FROM (SELECT * FROM source_table EXCEPT SELECT * FROM copyjob_target) d";
    try (Connection c = db.connect("bench"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(diff)) {
      rs.next();
      if (rs.getLong(1) != 0) {
        throw new IllegalStateException(rs.getLong(1) + " rows of the source are missing or different in the copy");
      }
    }
  }

  private static void truncate(EmbeddedDatabase db, String table) throws Exception {
    try (Connection c = db.connect("bench"); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      BenchmarkData.createEmpty(c, table);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
