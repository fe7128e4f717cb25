package io.copyjob.storage.orc;

import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * The smallest Hadoop {@link FileSystem} ORC's reader accepts: it serves one read-only file through
 * {@link StoreInputStream}s over one {@link RandomAccessInput}, so ORC reads copyjob's {@code FileStore}s (local,
 * S3, Azure) instead of Hadoop's file systems and their configuration. Everything but reading that file is
 * unsupported.
 */
final class StoreFileSystem extends FileSystem {
  private static final URI URI_ = URI.create("copyjob-store:///");

  private final Path path;
  private final RandomAccessInput input;
  private final LongAdder bytesRead = new LongAdder();

  /** Serves {@code input} as the file at {@code path}; {@code conf} is what Hadoop's defaults read. */
  StoreFileSystem(Path path, RandomAccessInput input, Configuration conf) {
    this.path = path;
    this.input = input;
    setConf(conf);
  }

  /** Bytes fetched from the store by every stream opened so far. */
  long bytesRead() {
    return bytesRead.sum();
  }

  @Override
  public URI getUri() {
    return URI_;
  }

  @Override
  public String getScheme() {
    return URI_.getScheme();
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    check(f);
    // A stream per open: ORC keeps the tail reader's stream while the row reader opens its own.
    return new FSDataInputStream(new StoreInputStream(input, bytesRead));
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    check(f);
    return new FileStatus(input.length(), false, 1, input.length(), 0, path);
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    return new FileStatus[] {getFileStatus(f)};
  }

  private void check(Path f) throws IOException {
    if (!path.equals(f)) {
      throw new IOException("only " + path + " can be read here, not " + f);
    }
  }

  @Override
  public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
      short replication, long blockSize, Progressable progress) {
    throw readOnly();
  }

  @Override
  public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) {
    throw readOnly();
  }

  @Override
  public boolean rename(Path src, Path dst) {
    throw readOnly();
  }

  @Override
  public boolean delete(Path f, boolean recursive) {
    throw readOnly();
  }

  @Override
  public boolean mkdirs(Path f, FsPermission permission) {
    throw readOnly();
  }

  @Override
  public void setWorkingDirectory(Path newDir) {
    throw readOnly();
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(URI_);
  }

  @Override
  public void close() {
    // The stream's input is closed by the reader that opened it; there is no cache entry to remove.
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("copyjob reads ORC files only");
  }
}
