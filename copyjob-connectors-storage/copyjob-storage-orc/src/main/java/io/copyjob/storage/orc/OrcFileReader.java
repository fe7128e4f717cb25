package io.copyjob.storage.orc;

import io.copyjob.CopyJobException;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;

/**
 * One ORC file of a {@link FileStore} opened with ORC's reader: the file's tail (schema, stripes) is read on
 * opening, with positional reads of the store through {@link StoreFileSystem}. Turns ORC's failures into
 * {@link CopyJobException}s naming the file. Used by one thread; closing it closes the store input.
 */
final class OrcFileReader implements AutoCloseable {
  /** The one path {@link StoreFileSystem} serves; the file's real name is in {@link #name()}. */
  private static final Path PATH = new Path("copyjob-store:/file.orc");

  private final String name;
  private final RandomAccessInput input;
  private final StoreFileSystem fs;
  private final Reader reader;
  private final Schema schema;

  /**
   * Opens {@code file} and reads its tail.
   *
   * @param name names the file (or the part of it) in errors
   * @throws CopyJobException {@code STORE_ERROR} when the store fails, {@code BAD_INPUT} when the bytes are not
   *                          a readable ORC file
   */
  OrcFileReader(FileStore store, FileInfo file, String name) {
    this.name = name;
    try {
      this.input = store.openRandomAccess(file.path());
    } catch (IOException e) {
      throw FileErrors.storeError(name, "open the file", e);
    }
    // No default resources: nothing to configure, and no XML parsing on every file.
    Configuration conf = new Configuration(false);
    this.fs = new StoreFileSystem(PATH, input, conf);
    Reader opened = null;
    try {
      opened = OrcFile.createReader(PATH, OrcFile.readerOptions(conf)
          .filesystem(fs)
          .maxLength(input.length())
          // TIMESTAMP is a wall-clock time: read it as written, not shifted into this JVM's zone.
          .useUTCTimestamp(true)
          // Dates and timestamps before 1582 as copyjob (java.time) counts them, whatever calendar the writer used.
          .convertToProlepticGregorian(true));
      this.schema = OrcTypeMapping.fromOrc(opened.getSchema(), name);
    } catch (RuntimeException | IOException e) {
      close(opened, input);
      throw failure(e);
    }
    this.reader = opened;
  }

  /** The file's name as used in errors. */
  String name() {
    return name;
  }

  /** ORC's reader of the file. */
  Reader orc() {
    return reader;
  }

  /** The file's columns as copyjob types. */
  Schema schema() {
    return schema;
  }

  /** Bytes fetched from the store so far. */
  long bytesRead() {
    return fs.bytesRead();
  }

  /** The exception for a failure of ORC while reading this file. */
  CopyJobException failure(Throwable e) {
    if (e instanceof CopyJobException c) {
      return c;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StoreInputStream.StoreException s) {
        return FileErrors.storeError(name, "read the file", (IOException) s.getCause());
      }
    }
    return FileErrors.badInput(name, 0, "not a readable ORC file (corrupt or truncated): " + e, e);
  }

  @Override
  public void close() {
    close(reader, input);
  }

  private static void close(Reader reader, RandomAccessInput input) {
    try {
      if (reader != null) {
        reader.close();
      }
    } catch (IOException | RuntimeException e) {
      // Read-only: nothing to lose.
    }
    try {
      input.close();
    } catch (IOException e) {
      // Read-only: nothing to lose.
    }
  }
}
