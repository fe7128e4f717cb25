package io.copyjob.storage.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.TableResult;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.s3.S3Location;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import io.copyjob.testkit.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.orc.CompressionKind;
import org.apache.orc.TypeDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ORC file on S3 (s3proxy), read by a CopyJob run through the S3 store's ranged reads. */
class OrcOnS3IT {
  @TempDir
  Path dir;

  @Test
  void aNarrowColumnOfAWideFileIsReadInByteRanges() throws Exception {
    TypeDescription schema = TypeDescription.fromString("struct<id:int,note:string,payload:binary>");
    Random random = new Random(7);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] noise = new byte[1000];
      random.nextBytes(noise);
      rows.add(new Object[] {i, i % 5 == 0 ? null : "n😀" + i, noise});
    }
    Path local = dir.resolve("part-0.orc");
    OrcTestFiles.write(local, schema, rows, CompressionKind.SNAPPY, true, 64L * 1024 * 1024);
    S3ProxyServer s3 = S3ProxyServer.get();
    String bucket = s3.newBucket("orc");
    ConnectorSpec lake = S3Location.builder().uri("s3://" + bucket + "/lake").endpoint(s3.endpoint())
        .region(s3.region()).pathStyle(true).credentials(s3.accessKeyId(), s3.secretAccessKey()).build();
    try (FileStore store = FileStores.open(lake.options().get("location"), lake.options())) {
      PendingFile file = store.create("sales/orders/part-0.orc");
      file.stream().write(Files.readAllBytes(local));
      file.commit();
    }
    String destination = MemoryStore.fresh("orc-s3");

    TableResult t = CopyJob.builder().name("orc-from-s3").source(lake)
        .destination(MemoryConnectorProvider.spec(destination))
        .table("sales.orders", table -> table.columns("id", "note")).build().run().throwIfFailed()
        .table("sales.orders").orElseThrow();

    assertThat(t.rowsRead()).isEqualTo(3000);
    // 3 MB of payload stay on S3: the tail and the two columns' streams are fetched, not the file.
    assertThat(Files.size(local)).isGreaterThan(3_000_000);
    assertThat(t.bytesRead()).isPositive().isLessThan(200_000);
    List<List<Object>> copied = new ArrayList<>(MemoryStore.named(destination).rows(DatasetId.of("sales", "orders")));
    copied.sort((a, b) -> Integer.compare((Integer) a.get(0), (Integer) b.get(0)));
    assertThat(copied).hasSize(3000);
    for (int i = 0; i < 3000; i++) {
      assertThat(copied.get(i)).containsExactly(i, i % 5 == 0 ? null : "n😀" + i);
    }
  }
}
