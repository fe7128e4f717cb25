package io.copyjob.storage.files.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileStoreTest {
  @TempDir
  Path dir;

  @Test
  void pendingFileIsInvisibleUntilCommitAndThenReplacesAtomically() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    Files.createDirectories(dir.resolve("a"));
    Files.writeString(dir.resolve("a/f.txt"), "old");
    PendingFile p = store.create("a/f.txt");
    try (OutputStream out = p.stream()) {
      out.write("new content".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(p.bytesWritten()).isEqualTo(11);
    assertThat(Files.readString(dir.resolve("a/f.txt"))).isEqualTo("old");
    assertThat(store.list("a")).hasSize(2).anyMatch(f -> f.name().startsWith(".f.txt."));
    p.commit();
    p.commit(); // idempotent
    assertThat(Files.readString(dir.resolve("a/f.txt"))).isEqualTo("new content");
    assertThat(store.list("a")).extracting(FileInfo::path).containsExactly("a/f.txt");
    p.abort(); // after commit: nothing
    assertThat(store.exists("a/f.txt")).isTrue();
  }

  @Test
  void abortDeletesTheTemporaryAndCreatesParentFolders() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    PendingFile p = store.create("x/y/z.bin");
    p.stream().write(1);
    p.abort();
    p.abort();
    assertThat(store.list("")).isEmpty();
    assertThat(Files.isDirectory(dir.resolve("x/y"))).isTrue();
    assertThatThrownBy(p::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void listsRecursivelySortedWithSizesAndReadsSequentiallyAndByPosition() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    Files.createDirectories(dir.resolve("b/c"));
    Files.writeString(dir.resolve("b/c/2.txt"), "0123456789");
    Files.writeString(dir.resolve("b/1.txt"), "abc");
    Files.writeString(dir.resolve("top.txt"), "t");
    assertThat(store.list("")).extracting(FileInfo::path).containsExactly("b/1.txt", "b/c/2.txt", "top.txt");
    assertThat(store.list("b")).extracting(FileInfo::size).containsExactly(3L, 10L);
    assertThat(store.list("missing")).isEmpty();
    try (InputStream in = store.openRead("b/1.txt")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
    try (RandomAccessInput in = store.openRandomAccess("b/c/2.txt")) {
      assertThat(in.length()).isEqualTo(10);
      byte[] buf = new byte[3];
      in.readFully(7, buf, 0, 3);
      assertThat(new String(buf, StandardCharsets.US_ASCII)).isEqualTo("789");
      assertThat(in.read(10, buf, 0, 1)).isEqualTo(-1);
      assertThatThrownBy(() -> in.readFully(8, buf, 0, 3)).isInstanceOf(EOFException.class);
    }
    assertThat(store.delete("top.txt")).isTrue();
    assertThat(store.delete("top.txt")).isFalse();
  }

  @Test
  void rejectsPathsThatLeaveTheLocation() {
    LocalFileStore store = new LocalFileStore(dir);
    assertThatThrownBy(() -> store.openRead("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.create("/abs")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolvesPlainPathsAndFileUrisThroughTheProvider() throws Exception {
    assertThat(FileStores.toUri(dir.toString())).isEqualTo(dir.toUri());
    try (FileStore a = FileStores.open(dir.toString(), Map.of());
         FileStore b = FileStores.open(dir.toUri().toString(), Map.of())) {
      assertThat(a).isInstanceOf(LocalFileStore.class);
      assertThat(((LocalFileStore) a).root()).isEqualTo(((LocalFileStore) b).root());
    }
    assertThatThrownBy(() -> FileStores.open("gs://bucket/x", Map.of())).isInstanceOf(CopyJobException.class)
        .hasMessageContaining("'gs'");
    assertThat(List.of(StorePaths.join("", "a"), StorePaths.join("a", "b"), StorePaths.parent("a/b/c"),
        StorePaths.name("a/b/c"), StorePaths.relativize("a", "a/b/c"))).containsExactly("a", "a/b", "a/b", "c", "b/c");
  }

  @Test
  void writeIfAbsentLetsExactlyOneOfRacingWritersWin() throws Exception {
    LocalFileStore store = new LocalFileStore(dir);
    List<String> won = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String content = "writer " + i;
      threads.add(new Thread(() -> {
        try {
          store.writeIfAbsent("log/00001.json", content.getBytes(StandardCharsets.UTF_8));
          won.add(content);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // lost the race
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(won).hasSize(1);
    assertThat(Files.readString(dir.resolve("log/00001.json"))).isEqualTo(won.get(0));
    assertThat(store.list("log")).hasSize(1); // no temporary file left behind
  }
}
