package io.copyjob.examples.benchmark;

import io.copyjob.CopyJob;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.s3.S3Location;
import io.copyjob.testkit.S3ProxyServer;
import java.util.List;

/**
 * What an object store costs on top of the same read and the same Parquet encoding: PostgreSQL → Parquet on S3
 * (s3proxy, in memory, started by the variant's JVM) against PostgreSQL → Parquet on the local disk.
 */
final class PgToS3 {
  private PgToS3() {
  }

  static Scenario scenario() {
    return Scenario.rounds("pg-s3", "PostgreSQL → Parquet on S3 (s3proxy)", List.of(
        Scenario.Spec.baseline("copyjob, local Parquet files",
            ctx -> new ParquetExport(ctx, Fixtures.SOURCE, "pg-s3-local", 1)),
        Scenario.Spec.measured("copyjob, Parquet on S3", Target.report(), ToS3::new)));
  }

  private static final class ToS3 implements Variant {
    private final CopyJob job;

    ToS3(BenchContext ctx) {
      S3ProxyServer s3 = S3ProxyServer.get();
      String bucket = s3.newBucket("bench");
      this.job = CopyJob.builder().name("benchmark-pg-s3")
          .source(PostgresConnection.of(ctx.url(), ctx.user(), ""))
          .destination(S3Location.builder().uri("s3://" + bucket + "/lake").endpoint(s3.endpoint())
              .region(s3.region()).credentials(s3.accessKeyId(), s3.secretAccessKey())
              .format(FilesLocation.Format.PARQUET).build())
          .table("public." + Fixtures.SOURCE, t -> t.overwrite())
          .build();
    }

    @Override
    public long run() {
      return job.run().throwIfFailed().rowsWritten();
    }
  }
}
