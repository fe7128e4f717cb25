package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import io.copyjob.testkit.AzuriteServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Blob store against Azurite: every FileStore operation, block uploads, visibility and errors. */
class BlobFileStoreIT {

  static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  static void put(FileStore store, String path, byte[] content) throws IOException {
    PendingFile f = store.create(path);
    try (OutputStream out = f.stream()) {
      out.write(content);
    }
    f.commit();
  }

  static void put(FileStore store, String path, String content) throws IOException {
    put(store, path, content.getBytes(StandardCharsets.UTF_8));
  }

  static String text(FileStore store, String path) throws IOException {
    try (InputStream in = store.openRead(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theFilesConnectorFindsTheStoreThroughServiceLoader() {
    String container = AzuriteServer.newContainer("sl");
    try (FileStore store = FileStores.open(AzuriteServer.blobUrl(container, "lake"), Azurite.options())) {
      assertThat(store).isInstanceOf(BlobFileStore.class);
      assertThat(store.location().toString()).isEqualTo(AzuriteServer.blobUrl(container, "lake"));
      assertThat(store.displayName("a/b.csv")).isEqualTo(AzuriteServer.blobUrl(container, "lake/a/b.csv"));
    }
  }

  @Test
  void listsEveryFileBelowAFolderSortedAcrossPages() throws IOException {
    String container = AzuriteServer.newContainer("list");
    BlobFileStore outside = Azurite.store(container, "");
    put(outside, "lakehouse/not-mine.csv", "x");
    put(outside, "lake.csv", "x");
    BlobFileStore store = Azurite.store(container, "lake", AzureOptions.LIST_PAGE_SIZE, "2");
    for (String p : List.of("b/2.csv", "a/1.csv", "top.csv", "a/deep/x/y.parquet", "b/1.csv", "c.jsonl", "a/0.csv")) {
      put(store, p, p);
    }
    long pagesBefore = store.listPages();
    List<FileInfo> all = store.list("");
    assertThat(all).extracting(FileInfo::path).containsExactly("a/0.csv", "a/1.csv", "a/deep/x/y.parquet",
        "b/1.csv", "b/2.csv", "c.jsonl", "top.csv");
    assertThat(store.listPages() - pagesBefore).isEqualTo(4);
    assertThat(all).allSatisfy(f -> {
      assertThat(f.size()).isEqualTo(f.path().length());
      assertThat(f.lastModified()).isAfter(OffsetDateTime.now().minusHours(1).toInstant());
    });
    assertThat(store.list("a")).extracting(FileInfo::path).containsExactly("a/0.csv", "a/1.csv",
        "a/deep/x/y.parquet");
    assertThat(store.list("a/deep")).extracting(FileInfo::path).containsExactly("a/deep/x/y.parquet");
    assertThat(store.list("nothing/here")).isEmpty();
    assertThat(outside.list("")).extracting(FileInfo::path).hasSize(9);
  }

  @Test
  void readsSequentiallyAndByRangeAcrossChunks() throws IOException {
    BlobFileStore store = Azurite.newStore("data");
    byte[] content = random(RangedInputStream.CHUNK + 300_000, 7);
    put(store, "big.bin", content);

    try (InputStream in = store.openRead("big.bin")) {
      assertThat(in.read()).isEqualTo(content[0] & 0xff);
      byte[] rest = in.readAllBytes();
      assertThat(rest).hasSize(content.length - 1);
      assertThat(Arrays.equals(rest, 0, rest.length, content, 1, content.length)).isTrue();
    }
    try (RandomAccessInput in = store.openRandomAccess("big.bin")) {
      assertThat(in.length()).isEqualTo(content.length);
      byte[] buf = new byte[1000];
      in.readFully(123_456, buf, 0, 1000);
      assertThat(buf).isEqualTo(Arrays.copyOfRange(content, 123_456, 124_456));
      // The footer, as Parquet reads it: the last 8 bytes.
      in.readFully(content.length - 8, buf, 0, 8);
      assertThat(Arrays.copyOf(buf, 8)).isEqualTo(Arrays.copyOfRange(content, content.length - 8, content.length));
      assertThat(in.read(content.length - 3, buf, 0, 100)).isEqualTo(3);
      assertThat(in.read(content.length, buf, 0, 100)).isEqualTo(-1);
    }
  }

  @Test
  void aMultiBlockUploadHoldsOneBlockOfMemoryAndIsInvisibleUntilCommit() throws IOException {
    BlobFileStore store = Azurite.newStore("blocks", AzureOptions.BLOCK_SIZE_BYTES, "65536");
    byte[] content = random(65_536 * 12 + 777, 3);
    BlobPendingFile pending = (BlobPendingFile) store.create("out/part-0.parquet");
    OutputStream out = pending.stream();
    for (int i = 0; i < content.length; i += 1000) {
      out.write(content, i, Math.min(1000, content.length - i));
      assertThat(pending.bufferCapacity()).isLessThanOrEqualTo(65_536);
    }
    out.close();
    assertThat(pending.blocksUploaded()).isEqualTo(13);
    assertThat(pending.bytesWritten()).isEqualTo(content.length);

    // Staged blocks are not a blob yet.
    assertThat(store.exists("out/part-0.parquet")).isFalse();
    assertThat(store.list("")).isEmpty();
    assertThatThrownBy(() -> store.openRead("out/part-0.parquet")).isInstanceOf(NoSuchFileException.class);

    pending.commit();
    assertThat(store.exists("out/part-0.parquet")).isTrue();
    assertThat(store.list("out")).singleElement().satisfies(f -> assertThat(f.size()).isEqualTo(content.length));
    try (InputStream in = store.openRead("out/part-0.parquet")) {
      assertThat(in.readAllBytes()).isEqualTo(content);
    }
    pending.commit(); // a second commit does nothing
    pending.abort(); // nor does an abort after commit
    assertThat(store.exists("out/part-0.parquet")).isTrue();
  }

  @Test
  void commitReplacesAnExistingBlobWhichReadersSeeUntilThen() throws IOException {
    BlobFileStore store = Azurite.newStore("replace", AzureOptions.BLOCK_SIZE_BYTES, "1024");
    put(store, "f.csv", "old content");
    PendingFile pending = store.create("f.csv");
    pending.stream().write(random(5000, 1)); // several blocks staged on the existing blob's name
    pending.stream().close();
    assertThat(text(store, "f.csv")).isEqualTo("old content");
    pending.commit();
    try (InputStream in = store.openRead("f.csv")) {
      assertThat(in.readAllBytes()).isEqualTo(random(5000, 1));
    }
    put(store, "f.csv", "small again");
    assertThat(text(store, "f.csv")).isEqualTo("small again");
  }

  @Test
  void abortLeavesNothingVisible() throws IOException {
    BlobFileStore store = Azurite.newStore("abort", AzureOptions.BLOCK_SIZE_BYTES, "1024");
    PendingFile big = store.create("a/big.csv");
    big.stream().write(random(10_000, 2));
    PendingFile small = store.create("a/small.csv");
    small.stream().write("x".getBytes(StandardCharsets.UTF_8));
    big.abort();
    small.abort();
    small.abort();
    assertThat(store.list("")).isEmpty();
    assertThat(store.exists("a/big.csv")).isFalse();
    assertThatThrownBy(big::commit).isInstanceOf(IllegalStateException.class);

    // Aborting a replacement keeps the old blob.
    put(store, "keep.csv", "kept");
    PendingFile replacement = store.create("keep.csv");
    replacement.stream().write(random(5000, 4));
    replacement.abort();
    assertThat(text(store, "keep.csv")).isEqualTo("kept");
  }

  @Test
  void deleteAndExists() throws IOException {
    BlobFileStore store = Azurite.newStore("del");
    put(store, "x/y.csv", "1");
    assertThat(store.exists("x/y.csv")).isTrue();
    assertThat(store.info("x/y.csv")).hasValueSatisfying(f -> assertThat(f.size()).isEqualTo(1));
    assertThat(store.exists("x")).isFalse();
    assertThat(store.info("x")).isEmpty();
    assertThat(store.delete("x/y.csv")).isTrue();
    assertThat(store.delete("x/y.csv")).isFalse();
    assertThat(store.exists("x/y.csv")).isFalse();
    assertThatThrownBy(() -> store.openRandomAccess("x/y.csv")).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("del/x/y.csv");
  }

  @Test
  void aBlobReplacedWhileBeingReadFailsTheReadInsteadOfMixingVersions() throws IOException {
    BlobFileStore store = Azurite.newStore("etag");
    put(store, "f.bin", random(10_000, 5));
    try (RandomAccessInput in = store.openRandomAccess("f.bin")) {
      byte[] buf = new byte[100];
      in.readFully(0, buf, 0, 100);
      put(store, "f.bin", random(10_000, 6));
      assertThatThrownBy(() -> in.readFully(5000, buf, 0, 100)).isInstanceOf(IOException.class)
          .hasMessageContaining("changed while it was being read");
    }
  }

  @Test
  void connectionStringAndSasTokenWork() throws IOException {
    String container = AzuriteServer.newContainer("auth");
    put(Azurite.store(container, ""), "a.csv", "hello");

    BlobFileStore byConnectionString = Azurite.store(container, "", AzureOptions.ACCOUNT_KEY, null,
        AzureOptions.ENDPOINT, null, AzureOptions.CONNECTION_STRING, AzuriteServer.connectionString());
    assertThat(text(byConnectionString, "a.csv")).isEqualTo("hello");

    String sas = sas(container);
    BlobFileStore bySas = Azurite.store(container, "", AzureOptions.ACCOUNT_KEY, null, AzureOptions.SAS_TOKEN, sas);
    assertThat(bySas.list("")).extracting(FileInfo::path).containsExactly("a.csv");
    assertThat(text(bySas, "a.csv")).isEqualTo("hello");
    assertThat(bySas.toString()).doesNotContain(sas).contains("SAS token");
  }

  static String sas(String container) {
    AzureUri uri = AzureUri.parse(AzuriteServer.blobUrl(container, ""));
    BlobContainerClient client = AzureClients.blobContainer(uri, AzureOptions.parse(Azurite.options(), uri));
    return client.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
        BlobContainerSasPermission.parse("rl")));
  }

  @Test
  void aWrongAccountKeyIsAuthenticationFailedAndNeverShowsTheKey() throws IOException {
    String container = AzuriteServer.newContainer("wrongkey");
    put(Azurite.store(container, ""), "a.csv", "hello");
    String wrongKey = java.util.Base64.getEncoder().encodeToString(random(64, 9));
    BlobFileStore store = Azurite.store(container, "", AzureOptions.ACCOUNT_KEY, wrongKey);
    for (ThrowingCall call : List.<ThrowingCall>of(() -> store.list(""), () -> store.openRead("a.csv"),
        () -> store.exists("a.csv"), () -> put(store, "b.csv", "x"))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(CopyJobException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).doesNotContain(wrongKey);
        assertThat(AzureErrorsTest.stackTrace(e)).doesNotContain(wrongKey);
      });
    }
    assertThat(store.toString()).doesNotContain(wrongKey).contains("account key of devstoreaccount1");
  }

  @Test
  void aWrongSasIsAuthenticationFailedAndNeverShowsTheToken() {
    String container = AzuriteServer.newContainer("wrongsas");
    String good = sas(container);
    String signature = good.replaceAll(".*sig=([^&]*).*", "$1");
    String tampered = good.replace("sp=rl", "sp=rwl");
    BlobFileStore store = Azurite.store(container, "", AzureOptions.ACCOUNT_KEY, null, AzureOptions.SAS_TOKEN,
        tampered);
    assertThatThrownBy(() -> store.list("")).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(e.getMessage()).doesNotContain(tampered).doesNotContain(signature);
      assertThat(AzureErrorsTest.stackTrace(e)).doesNotContain(signature);
    });
    assertThat(store.toString()).doesNotContain(signature);
  }

  @Test
  void aMissingContainerIsAStoreErrorNamingIt() {
    BlobFileStore store = Azurite.store("no-such-container", "lake");
    assertThatThrownBy(() -> store.list("")).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.STORE_ERROR);
      assertThat(e.getMessage()).contains("container 'no-such-container' does not exist");
    });
    assertThatThrownBy(() -> put(store, "a.csv", "x")).isInstanceOfSatisfying(CopyJobException.class,
        e -> assertThat(e.getMessage()).contains("no-such-container"));
  }

  @Test
  void anUnreachableEndpointIsConnectionFailed() {
    BlobFileStore store = Azurite.store("somewhere", "", AzureOptions.ENDPOINT, "http://127.0.0.1:1/devstoreaccount1",
        AzureOptions.MAX_TRIES, "1");
    assertThatThrownBy(() -> store.exists("a.csv")).isInstanceOfSatisfying(CopyJobException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED));
  }

  @FunctionalInterface
  interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void writeIfAbsentRefusesAnExistingBlobWithoutTouchingIt() throws Exception {
    BlobFileStore store = Azurite.newStore("t");
    store.writeIfAbsent("_delta_log/0.json", "first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeIfAbsent("_delta_log/0.json",
        "second".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    // The same bytes again: what an SDK's resend of a write whose answer was lost looks like; it landed.
    store.writeIfAbsent("_delta_log/0.json", "first".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.writeIfAbsent("_delta_log/0.json",
        "firs".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(java.nio.file.FileAlreadyExistsException.class).hasMessageContaining("HTTP 4");
    try (java.io.InputStream in = store.openRead("_delta_log/0.json")) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("first");
    }
  }
}
