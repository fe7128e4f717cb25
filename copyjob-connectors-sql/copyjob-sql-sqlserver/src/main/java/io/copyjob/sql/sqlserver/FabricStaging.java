package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.Redactor;
import io.copyjob.spi.SplitWriter;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staged Parquet files of one Fabric Warehouse write: writer {@code i} writes
 * {@link FabricSql#stagedFile(String, int)} in the staging store (a file becomes visible to COPY INTO only when its
 * writer finishes), and {@link #removeAll()} deletes every staged file after the commit or on abort. Thread-safe
 * across writers.
 */
final class FabricStaging implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FabricStaging.class);

  private final FileStore store;
  private final String runId;
  private final Schema schema;
  private final Redactor redactor;
  private final String table;
  private final List<String> staged = new ArrayList<>();

  FabricStaging(FileStore store, String runId, Schema schema, Redactor redactor, String table) {
    this.store = store;
    this.runId = runId;
    this.schema = schema;
    this.redactor = redactor;
    this.table = table;
  }

  /** Paths of the files staged so far, relative to the staging location. */
  synchronized List<String> stagedPaths() {
    return List.copyOf(staged);
  }

  SplitWriter openWriter(int index) {
    String path = FabricSql.stagedFile(runId, index);
    PendingFile file;
    try {
      file = store.create(path);
    } catch (IOException e) {
      throw error(e, "creating " + path);
    }
    FormatWriter writer = new ParquetFormat(ParquetCompression.SNAPPY).openWriter(file, store.displayName(path), schema);
    return new SplitWriter() {
      private boolean closed;

      @Override
      public void write(RecordBatch batch) {
        writer.write(batch, 0, batch.rowCount());
      }

      @Override
      public Fragment finish() {
        closed = true;
        writer.close();
        try {
          file.commit();
        } catch (IOException e) {
          throw error(e, "staging " + path);
        }
        synchronized (FabricStaging.this) {
          staged.add(path);
        }
        long rows = writer.rows();
        long bytes = file.bytesWritten();
        return new Fragment() {
          @Override
          public long rows() { return rows; }

          @Override
          public long bytes() { return bytes; }
        };
      }

      @Override
      public void abort() {
        if (!closed) {
          closed = true;
          try {
            writer.close();
          } catch (RuntimeException ignored) {
            // the pending file is discarded below
          }
        }
        file.abort();
      }
    };
  }

  /** Deletes every staged file; failures are logged (the files are under a run-specific folder), never thrown. */
  void removeAll() {
    List<String> paths;
    synchronized (this) {
      paths = new ArrayList<>(staged);
      staged.clear();
    }
    for (String p : paths) {
      try {
        store.delete(p);
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not remove staged file {}: {}", store.displayName(p), redactor.scrub(e.getMessage()));
      }
    }
  }

  private CopyJobException error(IOException e, String doing) {
    return CopyJobException.builder(ErrorCode.STORE_ERROR, redactor.scrub("Fabric staging failed while " + doing + ": "
        + e.getMessage())).table(table).build();
  }

  @Override
  public void close() {
    removeAll();
    store.close();
  }
}
