package io.copyjob.storage.delta.kernel;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.StorePaths;
import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Delta Kernel's {@link FileIO} over a copyjob {@link FileStore}, so that Kernel's JSON, Parquet and expression
 * handlers reach the local disk, S3 and Azure through the stores and credentials copyjob already has, instead of
 * Hadoop's file systems. Kernel speaks in fully qualified paths ({@code file:/lake/t/_delta_log/0...0.json},
 * {@code s3://bucket/lake/t/...}); they are mapped to store paths relative to the store's location.
 *
 * <p>The commit of a log file ({@code writeAtomically} without overwrite) goes through
 * {@link FileStore#writeIfAbsent}: a hard link on a local disk, a conditional PUT on S3 and Azure. Of two writers
 * committing the same version exactly one wins; the other gets {@link java.nio.file.FileAlreadyExistsException},
 * which Kernel turns into a conflict check and a retry at the next version.
 */
public final class StoreFileIO implements FileIO {
  private final FileStore store;
  private final String base;

  /** Kernel's file access to {@code store}; paths below its location are the ones it can reach. */
  public StoreFileIO(FileStore store) {
    this.store = store;
    String location = normalize(store.location().toString());
    this.base = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
  }

  /** The fully qualified path Kernel should use for the store path {@code path}. */
  public String qualify(String path) {
    return path.isEmpty() ? base : base + "/" + path;
  }

  /** The store path of a fully qualified path below the store's location. */
  public String storePath(String qualified) throws IOException {
    String p = normalize(qualified);
    if (p.equals(base)) {
      return "";
    }
    if (!p.startsWith(base + "/")) {
      throw new IOException("the path " + qualified + " lies outside the store " + store.displayName(""));
    }
    String rel = p.substring(base.length() + 1);
    return rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel;
  }

  /** {@code file:///a} and {@code file:/a} name the same file; Kernel's paths use the short form. */
  private static String normalize(String path) {
    if (path.startsWith("file:///")) {
      return "file:/" + path.substring("file:///".length());
    }
    return path;
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    String path = storePath(filePath);
    String folder = StorePaths.parent(path);
    String from = StorePaths.name(path);
    List<FileInfo> all = store.list(folder);
    if (all.isEmpty()) {
      throw new FileNotFoundException("no files in " + store.displayName(folder));
    }
    List<FileStatus> found = new ArrayList<>();
    for (FileInfo f : all) {
      String rel = folder.isEmpty() ? f.path() : StorePaths.relativize(folder, f.path());
      // Direct children only: the store lists recursively, Kernel expects one folder's files.
      if (rel.indexOf('/') < 0 && rel.compareTo(from) >= 0) {
        found.add(status(f));
      }
    }
    found.sort((a, b) -> a.getPath().compareTo(b.getPath()));
    return iterator(found.iterator());
  }

  private FileStatus status(FileInfo f) {
    return FileStatus.of(qualify(f.path()), f.size(), f.lastModified().toEpochMilli());
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    String p = storePath(path);
    return store.info(p).map(this::status).orElseThrow(() -> new FileNotFoundException(store.displayName(p)));
  }

  @Override
  public String resolvePath(String path) throws IOException {
    return qualify(storePath(path));
  }

  /** Object stores have no folders, and the local store creates parents when it writes a file. */
  @Override
  public boolean mkdirs(String path) {
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return new InputFile() {
      @Override
      public long length() {
        return fileSize;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        return new StoreSeekableStream(store, storePath(path));
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new OutputFile() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public PositionOutputStream create(boolean atomicWrite) throws IOException {
        return pendingStream(storePath(path));
      }

      @Override
      public void writeAtomically(CloseableIterator<String> data, boolean overwrite) throws IOException {
        byte[] content = lines(data);
        String p = storePath(path);
        if (overwrite) {
          replace(p, content);
        } else {
          createOnly(p, content);
        }
      }
    };
  }

  /** Writes {@code content} at {@code path} in one step, replacing what is there. */
  private void replace(String path, byte[] content) throws IOException {
    PendingFile file = store.create(path);
    try {
      file.stream().write(content);
      file.commit();
    } finally {
      file.abort();
    }
  }

  /**
   * Writes {@code content} at {@code path} only if no file is there: how a commit claims its version. The stores
   * count a client's resend of a write that had landed as that write ({@link FileStore#writeIfAbsent}).
   */
  private void createOnly(String path, byte[] content) throws IOException {
    try {
      store.writeIfAbsent(path, content);
    } catch (UnsupportedOperationException e) {
      // Not an IOException: Kernel would retry it as a transient failure.
      throw CopyJobException.builder(ErrorCode.INVALID_OPTION, "the store " + store.displayName("")
          + " cannot create a file only if it is absent, which Delta commits need so that two writers never "
          + "both commit the same version; for ADLS Gen2 use the account's blob endpoint "
          + "(https://<account>.blob.core.windows.net/...)").cause(e).build();
    }
  }

  private static byte[] lines(CloseableIterator<String> data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (data) {
      while (data.hasNext()) {
        out.write(data.next().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private PositionOutputStream pendingStream(String path) throws IOException {
    PendingFile file = store.create(path);
    OutputStream out = file.stream();
    return new PositionOutputStream() {
      private boolean closed;

      @Override
      public long getPos() {
        return file.bytesWritten();
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        if (!closed) {
          closed = true;
          file.commit();
        }
      }
    };
  }

  @Override
  public boolean delete(String path) throws IOException {
    return store.delete(storePath(path));
  }

  @Override
  public Optional<String> getConf(String confKey) {
    return Optional.empty();
  }

  @Override
  public void copyFileAtomically(String srcPath, String destPath, boolean overwrite) throws IOException {
    byte[] content;
    try (InputStream in = store.openRead(storePath(srcPath))) {
      content = in.readAllBytes();
    }
    String dest = storePath(destPath);
    if (overwrite) {
      replace(dest, content);
    } else {
      createOnly(dest, content);
    }
  }

  private static <T> CloseableIterator<T> iterator(Iterator<T> it) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {
      }
    };
  }
}
