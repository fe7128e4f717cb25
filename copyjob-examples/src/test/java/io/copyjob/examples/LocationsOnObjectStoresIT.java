package io.copyjob.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.storage.files.FilesLocation;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.testkit.AzuriteServer;
import io.copyjob.testkit.S3ProxyServer;
import io.copyjob.testkit.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * COPY INTO style locations over object stores: several locations, wildcards that cross folders, hidden files
 * skipped, gzip-compressed inputs detected from the extension, a file matched by two locations read once.
 */
class LocationsOnObjectStoresIT {
  private final TestDatabase db = new TestDatabase("locations");

  /** The base URI of a fresh bucket or container, and the store options that reach it. */
  private record Store(String base, Map<String, String> options) {
    FilesLocation.Builder at(String path) {
      FilesLocation.Builder b = FilesLocation.builder().location(base + "/" + path);
      options.forEach(b::option);
      return b;
    }

    ConnectorSpec reading(String... locations) {
      FilesLocation.Builder b = FilesLocation.builder().locations(List.of(locations)).dataset("landing.events")
          .format(FilesLocation.Format.CSV);
      options.forEach(b::option);
      return b.build();
    }
  }

  private static Store store(String kind) {
    if (kind.equals("s3")) {
      S3ProxyServer s3 = S3ProxyServer.get();
      return new Store("s3://" + s3.newBucket("loc"), Map.of("s3.endpoint", s3.endpoint().toString(),
          "s3.region", s3.region(), "s3.accessKeyId", s3.accessKeyId(), "s3.secretAccessKey", s3.secretAccessKey()));
    }
    return new Store(AzuriteServer.blobUrl(AzuriteServer.newContainer("loc"), ""),
        Map.of("azure.endpoint", AzuriteServer.endpoint(), "azure.accountKey", AzuriteServer.KEY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "blob"})
  void wildcardsSeveralLocationsHiddenFilesAndGzip(String kind) throws Exception {
    Store store = store(kind);
    db.exec("CREATE TABLE events (id bigint PRIMARY KEY, kind text)",
        "INSERT INTO events SELECT g, 'kind ' || (g % 7) FROM generate_series(1, 3000) g",
        "CREATE TABLE first_thousand AS SELECT * FROM events WHERE id <= 1000");
    copy("public.events", store.at("raw/2024/01").format(FilesLocation.Format.CSV).compression(Compression.GZIP).build());
    copy("public.first_thousand", store.at("raw/2024/02").format(FilesLocation.Format.CSV).build());
    copy("public.events", store.at("elsewhere").format(FilesLocation.Format.CSV).build());
    try (FileStore files = FileStores.open(store.base(), store.options())) {
      write(files, "raw/2024/01/public/events/_SUCCESS", "not,a,row\n");
      write(files, "raw/2024/01/public/events/.hidden.csv", "id,kind\n999999,hidden\n");
      assertThat(files.list("raw/2024/01/public/events")).extracting(f -> f.name())
          .anyMatch(n -> n.endsWith(".csv.gz"));
    }

    db.exec("CREATE SCHEMA landing", "CREATE TABLE landing.events (id bigint, kind text)");
    var run = CopyJob.builder().name("load-" + kind)
        .source(store.reading(store.base() + "/raw/2024/*/public/events/*.csv*", store.base() + "/raw/2024/02/"))
        .destination(db.spec()).table("landing.events").build().run().throwIfFailed();

    assertThat(run.rowsRead()).isEqualTo(4000);
    assertThat(db.rows("SELECT count(*), count(DISTINCT id), sum(id), max(id) FROM landing.events"))
        .containsExactly(List.of("4000", "3000", String.valueOf(3000L * 3001 / 2 + 1000L * 1001 / 2), "3000"));
  }

  /** Copies {@code table} as {@code public.events} into the folder layout of {@code destination}. */
  private void copy(String table, ConnectorSpec destination) {
    CopyJob.builder().name("stage").source(db.spec()).destination(destination)
        .table(table, t -> t.renameTo("public.events")).build().run().throwIfFailed();
  }

  private static void write(FileStore files, String path, String content) throws Exception {
    PendingFile f = files.create(path);
    f.stream().write(content.getBytes(StandardCharsets.UTF_8));
    f.commit();
  }
}
