package io.copyjob.storage.files.store.local;

import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import io.copyjob.storage.files.store.StorePaths;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A {@link FileStore} over a folder of the local file system. Pending files are written to a hidden
 * temporary name in their target folder and renamed into place on commit, which is atomic on one file system.
 */
public final class LocalFileStore implements FileStore {
  private final Path root;

  /** A store whose location is {@code root}; the folder need not exist yet. */
  public LocalFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The folder this store is rooted at. */
  public Path root() {
    return root;
  }

  @Override
  public URI location() {
    return root.toUri();
  }

  @Override
  public String displayName(String path) {
    return resolve(path).toString();
  }

  /** The local path of a store path; rejects paths that would leave the root. */
  Path resolve(String path) {
    StorePaths.check(path);
    return path.isEmpty() ? root : root.resolve(path);
  }

  @Override
  public List<FileInfo> list(String folder) throws IOException {
    Path start = resolve(folder);
    List<FileInfo> files = new ArrayList<>();
    if (!Files.isDirectory(start)) {
      return files;
    }
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        if (attrs.isRegularFile()) {
          files.add(new FileInfo(toStorePath(file), attrs.size(), attrs.lastModifiedTime().toInstant()));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        // A temporary file renamed or deleted by a concurrent writer while we walk is not an error.
        if (e instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
    files.sort(Comparator.comparing(FileInfo::path));
    return files;
  }

  private String toStorePath(Path file) {
    StringBuilder sb = new StringBuilder();
    for (Path segment : root.relativize(file)) {
      sb.append(sb.length() == 0 ? "" : "/").append(segment);
    }
    return sb.toString();
  }

  @Override
  public InputStream openRead(String path) throws IOException {
    return new BufferedInputStream(Files.newInputStream(resolve(path)), 64 * 1024);
  }

  /** Positions a channel at {@code offset}: no bytes before it are read. */
  @Override
  public InputStream openRead(String path, long offset) throws IOException {
    FileChannel channel = FileChannel.open(resolve(path), StandardOpenOption.READ);
    try {
      channel.position(offset);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    return new BufferedInputStream(java.nio.channels.Channels.newInputStream(channel), 64 * 1024);
  }

  @Override
  public RandomAccessInput openRandomAccess(String path) throws IOException {
    FileChannel channel = FileChannel.open(resolve(path), StandardOpenOption.READ);
    long length = channel.size();
    return new RandomAccessInput() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public int read(long position, byte[] buffer, int offset, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        return channel.read(ByteBuffer.wrap(buffer, offset, len), position);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  @Override
  public PendingFile create(String path) throws IOException {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("cannot create a file at the store's location itself");
    }
    Path target = resolve(path);
    Files.createDirectories(target.getParent());
    return new LocalPendingFile(path, target);
  }

  /**
   * Writes a hidden temporary file, forces it to disk, then hard-links it to the target: {@code link(2)} fails
   * when the target exists, unlike a rename, which replaces it.
   */
  @Override
  public void writeIfAbsent(String path, byte[] content) throws IOException {
    Path target = resolve(path);
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.createLink(target, temp);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (!holdsExactly(path, content)) {
        throw e; // as every store: the same bytes already there count as this write (see FileStore)
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(resolve(path));
  }

  @Override
  public java.util.Optional<FileInfo> info(String path) throws IOException {
    if (path.isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      BasicFileAttributes attrs = Files.readAttributes(resolve(path), BasicFileAttributes.class);
      return attrs.isRegularFile()
          ? java.util.Optional.of(new FileInfo(path, attrs.size(), attrs.lastModifiedTime().toInstant()))
          : java.util.Optional.empty();
    } catch (NoSuchFileException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public boolean exists(String path) throws IOException {
    return Files.isRegularFile(resolve(path));
  }

  @Override
  public String toString() {
    return "LocalFileStore[" + root + "]";
  }
}
