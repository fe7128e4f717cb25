package io.copyjob.storage.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.storage.delta.kernel.StoreFileIO;
import io.copyjob.storage.files.store.local.LocalFileStore;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.FileStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileIOTest {
  @TempDir
  Path dir;

  @Test
  void mapsKernelPathsToStorePathsAndListsOneFolderFromAName() throws IOException {
    StoreFileIO io = new StoreFileIO(new LocalFileStore(dir));
    String log = io.qualify("t/_delta_log");
    assertThat(log).startsWith("file:/").doesNotStartWith("file:///").endsWith("/t/_delta_log");
    assertThat(io.storePath("file://" + dir.toUri().getPath() + "t/_delta_log/x.json"))
        .isEqualTo("t/_delta_log/x.json");
    assertThatThrownBy(() -> io.storePath("file:/elsewhere/x")).isInstanceOf(IOException.class);

    for (String name : new String[] {"00000000000000000000.json", "00000000000000000001.json", "_commits/a.json"}) {
      Files.createDirectories(dir.resolve("t/_delta_log").resolve(name).getParent());
      Files.writeString(dir.resolve("t/_delta_log").resolve(name), "{}");
    }
    List<String> names = new ArrayList<>();
    try (var it = io.listFrom(log + "/00000000000000000001.json")) {
      it.forEachRemaining(s -> names.add(s.getPath().substring(log.length() + 1)));
    }
    assertThat(names).containsExactly("00000000000000000001.json");
    assertThatThrownBy(() -> io.listFrom(io.qualify("none/_delta_log/0.json"))).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> io.newInputFile(io.qualify("t/_delta_log/_last_checkpoint"), 0).newStream())
        .isInstanceOf(FileNotFoundException.class);
  }

  @Test
  void writesALogFileOnlyIfAbsent() throws IOException {
    StoreFileIO io = new StoreFileIO(new LocalFileStore(dir));
    String path = io.qualify("t/_delta_log/00000000000000000000.json");
    io.newOutputFile(path).writeAtomically(Utils.toCloseableIterator(List.of("{\"a\":1}").iterator()), false);
    assertThatThrownBy(() -> io.newOutputFile(path)
        .writeAtomically(Utils.toCloseableIterator(List.of("{\"b\":2}").iterator()), false))
        .isInstanceOf(FileAlreadyExistsException.class);
    FileStatus status = io.getFileStatus(path);
    assertThat(status.getSize()).isEqualTo("{\"a\":1}\n".length());
    // The same bytes again: a client retry of a write that had landed, taken as success.
    io.newOutputFile(path).writeAtomically(Utils.toCloseableIterator(List.of("{\"a\":1}").iterator()), false);
  }

  @Test
  void aStoreThatCannotWriteOnlyIfAbsentIsRefusedClearlyNotRetried() {
    LocalFileStore local = new LocalFileStore(dir);
    // A store without writeIfAbsent (the SPI's default), like ADLS Gen2's dfs endpoint.
    io.copyjob.storage.files.store.FileStore plain = new io.copyjob.storage.files.store.FileStore() {
      @Override public java.net.URI location() { return local.location(); }
      @Override public List<io.copyjob.storage.files.store.FileInfo> list(String f) throws IOException { return local.list(f); }
      @Override public java.io.InputStream openRead(String p) throws IOException { return local.openRead(p); }
      @Override public io.copyjob.storage.files.store.RandomAccessInput openRandomAccess(String p) throws IOException {
        return local.openRandomAccess(p);
      }
      @Override public io.copyjob.storage.files.store.PendingFile create(String p) throws IOException { return local.create(p); }
      @Override public boolean delete(String p) throws IOException { return local.delete(p); }
      @Override public boolean exists(String p) throws IOException { return local.exists(p); }
    };
    StoreFileIO io = new StoreFileIO(plain);
    assertThatThrownBy(() -> io.newOutputFile(io.qualify("t/_delta_log/00000000000000000000.json"))
        .writeAtomically(Utils.toCloseableIterator(List.of("{}").iterator()), false))
        .isInstanceOf(io.copyjob.CopyJobException.class).hasMessageContaining("only if it is absent")
        .hasMessageContaining("blob endpoint");
  }
}
