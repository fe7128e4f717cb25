package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.delta.DeltaLocation;
import io.copyjob.storage.files.FilesLocation;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Delta commit (log replay, statistics, the commit file) costs on top of the same read and the same
 * Parquet encoding: PostgreSQL → a local Delta table against PostgreSQL → local Parquet files. Delta has no UUID
 * type, so the table holds {@code ref} as its 36-character text; the baseline converts it to text too, so both
 * write the same data. Each round overwrites: every Delta round is one commit removing the previous files.
 */
final class PgToDelta {
  private PgToDelta() {
  }

  static Scenario scenario() {
    return Scenario.rounds("pg-delta", "PostgreSQL → Delta table (local)", List.of(
        Scenario.Spec.baseline("copyjob, local Parquet files, UUID as text", ctx -> new Copy(ctx, false)),
        Scenario.Spec.measured("copyjob, Delta table", Target.report(), ctx -> new Copy(ctx, true))));
  }

  private static final class Copy implements Variant {
    private final CopyJob job;

    Copy(BenchContext ctx, boolean delta) {
      Path folder = ctx.output(delta ? "pg-delta" : "pg-delta-parquet");
      this.job = CopyJob.builder().name("benchmark-" + (delta ? "pg-delta" : "pg-delta-parquet"))
          .source(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .destination(delta ? DeltaLocation.of(folder) : FilesLocation.parquet(folder))
          .table("public." + Fixtures.SOURCE, t -> {
            t.overwrite();
            if (!delta) {
              t.convert("ref", LogicalType.string());
            }
          })
          .build();
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }
  }
}
