package io.copyjob.storage.files;

import io.copyjob.data.RecordBatch;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.StorePaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One writer of a files transaction. Creates its first file only when the first row arrives, so a writer
 * that gets no rows leaves no file; starts a new file after {@code maxRowsPerFile} rows, and after a batch that
 * brought the file to {@code maxBytesPerFile} bytes or more (written, plus what a Parquet writer still holds in
 * memory), so files end up to about one batch larger than that. A new file is only started for rows to write.
 */
final class FilesSplitWriter implements SplitWriter {
  private final FilesWriteTransaction tx;
  private final int index;
  private final List<PendingFile> done = new ArrayList<>();
  private PendingFile pending;
  private FormatWriter writer;
  private long rowsInFile;
  private long rows;
  private long bytes;
  private int seq;

  FilesSplitWriter(FilesWriteTransaction tx, int index) {
    this.tx = tx;
    this.index = index;
  }

  @Override
  public void write(RecordBatch batch) {
    int n = batch.rowCount();
    int from = 0;
    long max = tx.maxRowsPerFile();
    while (from < n) {
      if (writer == null) {
        startFile();
      }
      int take = (int) Math.min(n - from, max - rowsInFile);
      writer.write(batch, from, from + take);
      from += take;
      rowsInFile += take;
      rows += take;
      if (rowsInFile >= max || (tx.maxBytesPerFile() != Long.MAX_VALUE && fileBytes() >= tx.maxBytesPerFile())) {
        endFile();
      }
    }
  }

  private long fileBytes() {
    long buffered = writer.estimatedBytes(); // first: text writers flush here
    return Math.max(pending.bytesWritten(), buffered);
  }

  private void startFile() {
    String name = tx.fileName().name(tx.runId(), index, seq++, tx.format().extension());
    String path = StorePaths.join(tx.folder(), name);
    try {
      pending = tx.store().create(path);
    } catch (IOException e) {
      throw FileErrors.storeError(tx.store().displayName(path), "create the file", e);
    }
    tx.track(pending);
    writer = tx.format().openWriter(pending, tx.store().displayName(path), tx.schema());
    rowsInFile = 0;
  }

  private void endFile() {
    writer.close();
    writer = null;
    bytes += pending.bytesWritten();
    done.add(pending);
    pending = null;
  }

  @Override
  public Fragment finish() {
    if (writer != null) {
      endFile();
    }
    return new FilesFragment(done, rows, bytes);
  }

  @Override
  public void abort() {
    if (writer != null) {
      try {
        writer.close();
      } catch (RuntimeException e) {
        // The file is discarded below; a failure to finish it does not matter.
      }
      writer = null;
    }
    if (pending != null) {
      pending.abort();
      pending = null;
    }
    for (PendingFile f : done) {
      f.abort();
    }
  }
}
