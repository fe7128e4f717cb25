package io.copyjob.storage.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The ADLS Gen2 store against a real account with a hierarchical namespace. Azurite answers every dfs call
 * with 400, so these run only when {@code COPYJOB_ADLS_ACCOUNT}, {@code COPYJOB_ADLS_KEY} and
 * {@code COPYJOB_ADLS_CONTAINER} are set (the container must exist); each test works below a fresh random
 * folder and deletes it afterwards.
 */
@EnabledIfEnvironmentVariable(named = "COPYJOB_ADLS_ACCOUNT", matches = ".+",
    disabledReason = "ADLS Gen2 needs a real account: set COPYJOB_ADLS_ACCOUNT, COPYJOB_ADLS_KEY and "
        + "COPYJOB_ADLS_CONTAINER (Azurite does not serve the dfs endpoint)")
@EnabledIfEnvironmentVariable(named = "COPYJOB_ADLS_KEY", matches = ".+",
    disabledReason = "COPYJOB_ADLS_KEY is not set")
@EnabledIfEnvironmentVariable(named = "COPYJOB_ADLS_CONTAINER", matches = ".+",
    disabledReason = "COPYJOB_ADLS_CONTAINER is not set")
class AdlsFileStoreIT {
  private final String account = System.getenv("COPYJOB_ADLS_ACCOUNT");
  private final String container = System.getenv("COPYJOB_ADLS_CONTAINER");
  private final String folder = "copyjob-it-" + UUID.randomUUID();
  private AdlsFileStore store;

  private AdlsFileStore open(String location, Map<String, String> options) {
    AzureUri uri = AzureUri.parse(location);
    return AdlsFileStore.open(uri, AzureOptions.parse(options, uri));
  }

  @BeforeEach
  void open() {
    store = open("abfss://" + container + "@" + account + ".dfs.core.windows.net/" + folder,
        Map.of(AzureOptions.ACCOUNT_KEY, System.getenv("COPYJOB_ADLS_KEY"), AzureOptions.BLOCK_SIZE_BYTES, "65536",
            AzureOptions.LIST_PAGE_SIZE, "2"));
  }

  @AfterEach
  void cleanUp() {
    AdlsFileStore root = open("abfss://" + container + "@" + account + ".dfs.core.windows.net",
        Map.of(AzureOptions.ACCOUNT_KEY, System.getenv("COPYJOB_ADLS_KEY")));
    AzureClients.fileSystem(root.azureUri(), AzureOptions.parse(Map.of(AzureOptions.ACCOUNT_KEY,
        System.getenv("COPYJOB_ADLS_KEY")), root.azureUri())).getDirectoryClient(folder).deleteIfExists();
  }

  private void put(String path, byte[] content) throws IOException {
    PendingFile f = store.create(path);
    f.stream().write(content);
    f.commit();
  }

  private byte[] read(String path) throws IOException {
    try (InputStream in = store.openRead(path)) {
      return in.readAllBytes();
    }
  }

  @Test
  void writesThroughAHiddenTemporaryFileRenamedIntoPlaceOnCommit() throws IOException {
    byte[] content = new byte[65_536 * 3 + 11];
    new java.util.Random(1).nextBytes(content);
    AdlsPendingFile pending = (AdlsPendingFile) store.create("a/b/part-0.parquet");
    assertThat(pending.tempPath()).startsWith(folder + "/a/b/.part-0.parquet.").endsWith(".tmp");
    pending.stream().write(content);
    assertThat(pending.blocksUploaded()).isEqualTo(3);
    // Only the hidden temporary file exists until commit.
    assertThat(store.exists("a/b/part-0.parquet")).isFalse();
    assertThat(store.list("")).extracting(FileInfo::path).singleElement().asString().startsWith("a/b/.part-0");
    pending.commit();
    assertThat(store.list("")).extracting(FileInfo::path).containsExactly("a/b/part-0.parquet");
    assertThat(read("a/b/part-0.parquet")).isEqualTo(content);
    try (RandomAccessInput in = store.openRandomAccess("a/b/part-0.parquet")) {
      byte[] buf = new byte[100];
      in.readFully(70_000, buf, 0, 100);
      assertThat(buf).isEqualTo(Arrays.copyOfRange(content, 70_000, 70_100));
    }
  }

  @Test
  void commitReplacesAndAbortDeletesTheTemporaryFile() throws IOException {
    put("x.csv", "old".getBytes(StandardCharsets.UTF_8));
    PendingFile replacement = store.create("x.csv");
    replacement.stream().write("new".getBytes(StandardCharsets.UTF_8));
    assertThat(read("x.csv")).asString(StandardCharsets.UTF_8).isEqualTo("old");
    replacement.commit();
    assertThat(read("x.csv")).asString(StandardCharsets.UTF_8).isEqualTo("new");

    PendingFile aborted = store.create("y/z.csv");
    aborted.stream().write(new byte[200_000]);
    aborted.abort();
    assertThat(store.list("")).extracting(FileInfo::path).containsExactly("x.csv");
  }

  @Test
  void listsRecursivelyAcrossPagesSkippingDirectories() throws IOException {
    for (String p : new String[] {"d/2.csv", "d/1.csv", "d/e/f/3.csv", "top.csv", "g/4.csv"}) {
      put(p, p.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(store.list("")).extracting(FileInfo::path).containsExactly("d/1.csv", "d/2.csv", "d/e/f/3.csv",
        "g/4.csv", "top.csv");
    assertThat(store.list("d")).extracting(FileInfo::path).containsExactly("d/1.csv", "d/2.csv", "d/e/f/3.csv");
    assertThat(store.list("missing")).isEmpty();
    assertThat(store.listPages()).isGreaterThan(2);
  }

  @Test
  void deleteExistsAndMissingFiles() throws IOException {
    put("d/a.csv", new byte[] {1});
    assertThat(store.exists("d/a.csv")).isTrue();
    assertThat(store.exists("d")).isFalse();
    assertThat(store.delete("d/a.csv")).isTrue();
    assertThat(store.delete("d/a.csv")).isFalse();
    assertThatThrownBy(() -> store.openRead("d/a.csv")).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aWrongKeyIsAuthenticationFailedWithoutTheKey() {
    String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[64]);
    AdlsFileStore wrong = open("abfss://" + container + "@" + account + ".dfs.core.windows.net/" + folder,
        Map.of(AzureOptions.ACCOUNT_KEY, wrongKey));
    assertThatThrownBy(() -> wrong.list("")).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
      assertThat(e.getMessage()).doesNotContain(wrongKey);
    });
  }
}
