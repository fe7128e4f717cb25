package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import io.copyjob.storage.files.location.FileSelector;
import io.copyjob.storage.files.store.FileStore;
import java.util.List;
import java.util.Optional;

/**
 * Reads datasets of CSV, JSON Lines or Parquet files from {@link FileStore}s, in one of two layouts:
 *
 * <ul>
 *   <li>{@code location}: a folder per dataset below it (see {@link DatasetLayout});</li>
 *   <li>{@code locations}: one dataset, named by the {@code dataset} option, made of the files that a list of
 *       files, folders and wildcard patterns select (see {@link FileSelector}), on any stores.</li>
 * </ul>
 *
 * A dataset's schema is that of its first file (the Parquet footer, the CSV header, the keys of the first 1000
 * JSON lines), or the declared columns of the {@code columns} option; files have no primary key. The file list is taken anew for each describe and each read.
 */
final class FilesSource implements SourceConnector {
  private final FilesOptions options;
  private final DatasetLayout layout;
  private final FileSelector selector;

  /** A source over the datasets below {@code options.location()}, in {@code store}. */
  FilesSource(FilesOptions options, FileStore store) {
    this.options = options;
    this.layout = new DatasetLayout(store, options);
    this.selector = null;
  }

  /** A source of the one dataset {@code options.locations()} select, through {@code selector}. */
  FilesSource(FilesOptions options, FileSelector selector) {
    this.options = options;
    this.layout = null;
    this.selector = selector;
  }

  @Override
  public List<DatasetId> listDatasets() {
    if (layout != null) {
      return layout.listDatasets();
    }
    return selected().isEmpty() ? List.of() : List.of(options.dataset());
  }

  private synchronized List<DatasetLayout.DataFile> selected() {
    return DatasetLayout.dataFiles(selector.select(options.locations()), options);
  }

  private List<DatasetLayout.DataFile> files(DatasetId id) {
    if (layout != null) {
      return layout.dataFiles(DatasetLayout.folder(id));
    }
    return id.equals(options.dataset()) ? selected() : List.of();
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    List<DatasetLayout.DataFile> files;
    try {
      files = files(id);
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(id.toString()).build();
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    if (options.columns().isPresent()) {
      return Optional.of(DatasetInfo.of(id, options.columns().get().schema(), List.of()));
    }
    DatasetLayout.DataFile first = files.get(0);
    try {
      Schema schema = first.format().readSchema(first.store(), first.file());
      return Optional.of(DatasetInfo.of(id, schema, List.of()));
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(id.toString()).build();
    }
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    DatasetId id = request.dataset().id();
    try {
      return new FilesReadSession(files(id), request, options.splitSize(), options.columns().orElse(null));
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(id.toString()).build();
    }
  }

  @Override
  public void checkConnection() {
    if (layout != null) {
      layout.visibleFiles("");
    } else {
      selected();
    }
  }

  @Override
  public void close() {
    if (layout != null) {
      layout.store().close();
    } else {
      synchronized (this) {
        selector.close();
      }
    }
  }

  @Override
  public String toString() {
    String where = layout != null ? layout.store().location().toString() : "locations " + options.locations()
        + " as " + options.dataset();
    return "files source " + where + " " + options.format().orElse("(format by extension)");
  }
}
