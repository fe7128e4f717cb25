package io.copyjob.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.storage.azure.AzureLocation;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.s3.S3Location;
import io.copyjob.testkit.AllTypesTable;
import io.copyjob.testkit.AzuriteServer;
import io.copyjob.testkit.S3ProxyServer;
import io.copyjob.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PostgreSQL to S3 and to Azure Blob in every format and back, and S3 to Blob, against s3proxy and Azurite:
 * every edge value of the all-types table comes back equal.
 */
class CrossStoreIT {
  private final TestDatabase db = new TestDatabase("cross_store");

  private static ConnectorSpec s3(String bucket, FilesLocation.Format format) {
    S3ProxyServer s3 = S3ProxyServer.get();
    return S3Location.builder().uri("s3://" + bucket + "/lake").endpoint(s3.endpoint()).region(s3.region())
        .credentials(s3.accessKeyId(), s3.secretAccessKey()).format(format).build();
  }

  private static ConnectorSpec blob(String container, FilesLocation.Format format) {
    return AzureLocation.blob(AzuriteServer.blobUrl(container, "lake")).endpoint(AzuriteServer.endpoint())
        .accountKey(AzuriteServer.KEY).format(format).build();
  }

  private void roundTrip(ConnectorSpec store, String name) {
    AllTypesTable.create(db, "public.all_types");
    CopyJob.builder().name(name + "-out").source(db.spec()).destination(store).table("public.all_types").build()
        .run().throwIfFailed();
    db.exec("CREATE TABLE back (" + AllTypesTable.COLUMNS + ")");
    var back = CopyJob.builder().name(name + "-in").source(store).destination(db.spec())
        .table("public.all_types", t -> t.renameTo("public.back")).build().run().throwIfFailed();
    assertThat(back.rowsWritten()).isEqualTo(4);
    assertThat(db.difference("all_types", "back")).isZero();
  }

  @ParameterizedTest
  @EnumSource(FilesLocation.Format.class)
  void postgresToS3AndBack(FilesLocation.Format format) {
    roundTrip(s3(S3ProxyServer.get().newBucket("rt"), format), "s3-" + format);
  }

  @ParameterizedTest
  @EnumSource(FilesLocation.Format.class)
  void postgresToBlobAndBack(FilesLocation.Format format) {
    roundTrip(blob(AzuriteServer.newContainer("rt"), format), "blob-" + format);
  }

  @Test
  void s3ToBlobKeepsEveryRow() {
    db.exec("CREATE TABLE events (id bigint PRIMARY KEY, kind text, at timestamptz)",
        "INSERT INTO events SELECT g, 'kind ' || (g % 7), timestamptz '2024-01-01 00:00+00' + g * interval '1 second'"
            + " FROM generate_series(1, 30000) g");
    ConnectorSpec onS3 = s3(S3ProxyServer.get().newBucket("from"), FilesLocation.Format.CSV);
    ConnectorSpec onBlob = blob(AzuriteServer.newContainer("to"), FilesLocation.Format.PARQUET);
    CopyJob.builder().name("pg-to-s3").source(db.spec()).destination(onS3).table("public.events").build().run()
        .throwIfFailed();
    var copied = CopyJob.builder().name("s3-to-blob").source(onS3).destination(onBlob).table("public.events").build()
        .run().throwIfFailed();
    assertThat(copied.rowsWritten()).isEqualTo(30000);
    db.exec("CREATE TABLE events_back (id bigint PRIMARY KEY, kind text, at timestamptz)");
    CopyJob.builder().name("blob-to-pg").source(onBlob).destination(db.spec())
        .table("public.events", t -> t.renameTo("public.events_back")).build().run().throwIfFailed();
    assertThat(db.difference("events", "events_back")).isZero();
  }
}
