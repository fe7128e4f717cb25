package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Schema;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One write of a dataset folder. Writers put their files under hidden temporary names; {@link #commit} renames
 * them into place (replacing files of the same name), and for OVERWRITE then deletes every other data file of
 * the folder.
 *
 * <p>Not one atomic step on a local file system: each rename is atomic, but a reader listing the folder during
 * commit may see some new files and not yet others, and during an OVERWRITE the new files together with old
 * ones not yet deleted. A failed commit is undone as far as possible by {@link #abort()}: new files already
 * renamed into place are deleted, but a file they replaced is gone. Nothing of an uncommitted run is visible
 * to readers, which skip hidden names.
 */
final class FilesWriteTransaction implements WriteTransaction {
  private static final Logger LOG = LoggerFactory.getLogger(FilesWriteTransaction.class);
  /** Writers allowed at once when the file name template gives each its own names. */
  static final int MAX_WRITERS = 64;

  private final DatasetLayout layout;
  private final FileFormat format;
  private final FilesOptions options;
  private final WriteRequest request;
  private final String folder;
  private final List<PendingFile> tracked = new ArrayList<>();
  private final List<String> published = new ArrayList<>();
  private boolean committed;
  private boolean aborted;

  FilesWriteTransaction(DatasetLayout layout, FileFormat format, FilesOptions options, WriteRequest request,
      String folder) {
    this.layout = layout;
    this.format = format;
    this.options = options;
    this.request = request;
    this.folder = folder;
  }

  FileStore store() {
    return layout.store();
  }

  FileFormat format() {
    return format;
  }

  FileNameTemplate fileName() {
    return options.fileName();
  }

  long maxRowsPerFile() {
    return options.maxRowsPerFile();
  }

  long maxBytesPerFile() {
    return options.maxBytesPerFile();
  }

  String runId() {
    return request.runId();
  }

  String folder() {
    return folder;
  }

  Schema schema() {
    return request.schema();
  }

  /** Remembers a pending file so that {@link #abort()} discards it even if its writer never finished. */
  synchronized void track(PendingFile file) {
    tracked.add(file);
  }

  @Override
  public int maxWriters() {
    return options.fileName().hasWriter() ? MAX_WRITERS : 1;
  }

  @Override
  public SplitWriter openWriter(int index) {
    if (index < 0 || index >= maxWriters()) {
      throw new IllegalArgumentException("writer " + index + " outside 0.." + (maxWriters() - 1));
    }
    return new FilesSplitWriter(this, index);
  }

  @Override
  public synchronized long commit(List<Fragment> fragments) {
    if (committed || aborted) {
      throw new IllegalStateException(committed ? "already committed" : "already aborted");
    }
    long rows = 0;
    Set<String> kept = new HashSet<>();
    for (Fragment f : fragments) {
      FilesFragment files = (FilesFragment) f;
      for (PendingFile p : files.files()) {
        try {
          p.commit();
        } catch (IOException e) {
          throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not publish the file: " + e)
              .location("file " + store().displayName(p.path())).table(request.target().toString()).cause(e).build();
        }
        published.add(p.path());
        kept.add(p.path());
      }
      rows += files.rows();
    }
    // The new files are published: this is the commit point. From here on nothing may remove them, or a failed
    // delete of an old file below would leave neither the old data nor the new.
    committed = true;
    if (request.strategy().kind() == WriteStrategy.Kind.OVERWRITE) {
      deleteOldFiles(kept);
    }
    return rows;
  }

  /**
   * Deletes the files of the folder that this run did not write. Tries every one: a failure leaves the new data in
   * place next to old files, which the error lists so they can be removed by hand or by rerunning.
   */
  private void deleteOldFiles(Set<String> kept) {
    List<String> left = new ArrayList<>();
    IOException first = null;
    for (FileInfo old : layout.visibleFiles(folder)) {
      if (kept.contains(old.path())) {
        continue;
      }
      try {
        store().delete(old.path());
      } catch (IOException e) {
        left.add(store().displayName(old.path()));
        first = first == null ? e : first;
      }
    }
    if (!left.isEmpty()) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "the overwrite published its " + published.size()
          + " new file(s) but could not delete " + left.size() + " previous file(s), which readers still see next "
          + "to the new ones; delete them or run the job again: " + String.join(", ", left) + " (" + first + ")")
          .table(request.target().toString()).cause(first).build();
    }
  }

  @Override
  public synchronized void abort() {
    if (committed) {
      return;
    }
    aborted = true;
    for (PendingFile p : tracked) {
      p.abort();
    }
    for (String path : published) {
      try {
        store().delete(path);
      } catch (IOException | RuntimeException e) {
        LOG.warn("could not remove {} after a failed commit: {}", store().displayName(path), e.toString());
      }
    }
    published.clear();
  }

  @Override
  public synchronized void close() {
    if (!committed && !aborted) {
      abort();
    }
  }
}
