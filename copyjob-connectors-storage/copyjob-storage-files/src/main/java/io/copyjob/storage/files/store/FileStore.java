package io.copyjob.storage.files.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A place that holds files: a local folder, an S3 bucket prefix, an Azure container path. Opened by a
 * {@link FileStoreProvider} on a location URI; every path it takes is relative to that location and has the
 * form {@link StorePaths} describes ({@code a/b/c.parquet}; the empty path is the location itself).
 *
 * <p>Formats and connectors talk only to this interface, so one {@code files} connector works over every store.
 * Implementations throw {@link IOException} for I/O failures and may throw {@link io.copyjob.CopyJobException}
 * where they know better (an authentication failure, a throttled request). Methods may be called from several
 * threads at once; the streams and inputs they return belong to one thread.
 */
public interface FileStore extends AutoCloseable {

  /** The location this store was opened on, without credentials. */
  URI location();

  /**
   * Every file below {@code folder}, at any depth, sorted by path. Folders themselves are not listed; a folder
   * that does not exist lists as empty. Hidden and temporary files are listed too: filtering is the caller's job.
   */
  List<FileInfo> list(String folder) throws IOException;

  /** Opens a file for sequential reading from its start. */
  InputStream openRead(String path) throws IOException;

  /**
   * Opens a file for sequential reading from byte {@code offset} on, for readers of byte ranges. The default
   * opens the file from its start and skips; stores that can start a read anywhere (a ranged GET, a positioned
   * channel) should override it.
   *
   * @param offset where to start, between 0 and the file's size
   */
  default InputStream openRead(String path, long offset) throws IOException {
    InputStream in = openRead(path);
    try {
      in.skipNBytes(offset);
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Opens a file for positional reads (see {@link RandomAccessInput}). */
  RandomAccessInput openRandomAccess(String path) throws IOException;

  /**
   * Starts a file that becomes visible at {@code path} only when its {@link PendingFile#commit()} is called.
   * Parent folders are created as needed. Until then readers see the previous file of that name, if any.
   */
  PendingFile create(String path) throws IOException;

  /**
   * Writes a small file at {@code path} only if no file exists there, in one atomic step: of two callers racing
   * for the same path exactly one succeeds, and readers never see a partial file. Table formats commit their logs
   * this way (Delta's {@code _delta_log/N.json}). A file that already holds exactly {@code content} counts as
   * written (see {@link #holdsExactly}): that is how a client's resend of a write that had landed looks.
   *
   * @throws java.nio.file.FileAlreadyExistsException when another file exists at {@code path}
   * @throws UnsupportedOperationException when the store cannot do it atomically (the default)
   */
  default void writeIfAbsent(String path, byte[] content) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot write a file only-if-absent");
  }

  /**
   * Whether the file at {@code path} exists and holds exactly {@code content}. Object stores use it when a
   * conditional write is refused: their HTTP clients resend a request whose answer was lost, and the resent write
   * is refused because the first one landed. Equal bytes mean the write was ours (a Delta commit names its own
   * transaction and files), so it succeeded.
   */
  default boolean holdsExactly(String path, byte[] content) throws IOException {
    try (InputStream in = openRead(path)) {
      return java.util.Arrays.equals(in.readNBytes(content.length + 1), content);
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    }
  }

  /** Deletes a file. Returns false when there was none. */
  boolean delete(String path) throws IOException;

  /** Whether a file exists at {@code path}. */
  boolean exists(String path) throws IOException;

  /**
   * The file at {@code path} with its size and time, or empty when there is none. The default checks
   * {@link #exists} and then lists the parent folder (recursively); stores that can ask for one file (a HEAD
   * request, a file attribute read) should override it.
   */
  default Optional<FileInfo> info(String path) throws IOException {
    if (path.isEmpty() || !exists(path)) {
      return Optional.empty();
    }
    for (FileInfo f : list(StorePaths.parent(path))) {
      if (f.path().equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * How to name {@code path} to a human in messages and logs, e.g. {@code /data/lake/orders/part-0.csv} or
   * {@code s3://bucket/lake/orders/part-0.csv}. Never contains credentials.
   */
  default String displayName(String path) {
    String base = location().toString();
    if (path.isEmpty()) {
      return base;
    }
    return base.endsWith("/") ? base + path : base + "/" + path;
  }

  /** Releases clients and connections. Streams already open stay usable until closed where the store allows. */
  @Override
  default void close() {
  }
}
