package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.sql.postgresql.PostgresConnection;
import java.sql.Connection;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * PostgreSQL → PostgreSQL against the database's fastest path: {@code COPY ... TO STDOUT (FORMAT binary)} piped
 * chunk by chunk into {@code COPY ... FROM STDIN (FORMAT binary)}.
 */
final class PgToPg {
  private PgToPg() {
  }

  static Scenario scenario() {
    return Scenario.rounds("pg-pg", "PostgreSQL → PostgreSQL", List.of(
        Scenario.Spec.baseline("COPY binary TO STDOUT piped to FROM STDIN", ctx -> new BinaryPipe(ctx, "pg_pg_baseline")),
        Scenario.Spec.measured("copyjob", Target.throughputAtLeast(0.9), Copyjob::new)));
  }

  private record BinaryPipe(BenchContext ctx, String target) implements Variant {
    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, target);
      }
    }

    @Override
    public long run() throws Exception {
      try (Connection from = ctx.connect(); Connection to = ctx.connect()) {
        CopyOut out = from.unwrap(PGConnection.class).getCopyAPI()
            .copyOut("COPY " + Fixtures.SOURCE + " TO STDOUT (FORMAT binary)");
        CopyIn in = to.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + target + " FROM STDIN (FORMAT binary)");
        byte[] chunk;
        while ((chunk = out.readFromCopy()) != null) {
          in.writeToCopy(chunk, 0, chunk.length);
        }
        return in.endCopy();
      }
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.SOURCE, target);
    }
  }

  private static final class Copyjob implements Variant {
    private static final String TARGET = "pg_pg_copyjob";
    private final BenchContext ctx;
    private final CopyJob job;

    Copyjob(BenchContext ctx) {
      this.ctx = ctx;
      this.job = CopyJob.builder().name("benchmark-pg-pg")
          .source(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .destination(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .table("public." + Fixtures.SOURCE, t -> t.renameTo("public." + TARGET))
          .build();
    }

    @Override
    public void prepare(int round) throws Exception {
      try (Connection c = ctx.connect()) {
        BenchmarkData.createEmpty(c, TARGET);
      }
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }

    @Override
    public void verify() throws Exception {
      Checks.sameRows(ctx, Fixtures.SOURCE, TARGET);
    }
  }
}
