package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import io.copyjob.storage.files.store.FileStore;
import java.util.List;
import java.util.Optional;

/**
 * Reads datasets (folders of CSV, JSON Lines or Parquet files) from a {@link FileStore}; see
 * {@link DatasetLayout} for which folders and files count. A dataset's schema is that of its first file (the
 * Parquet footer, the CSV header, the keys of the first 1000 JSON lines); files have no primary key.
 */
final class FilesSource implements SourceConnector {
  private final FilesOptions options;
  private final DatasetLayout layout;

  FilesSource(FilesOptions options, FileStore store) {
    this.options = options;
    this.layout = new DatasetLayout(store, options);
  }

  @Override
  public List<DatasetId> listDatasets() {
    return layout.listDatasets();
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    List<DatasetLayout.DataFile> files = layout.dataFiles(DatasetLayout.folder(id));
    if (files.isEmpty()) {
      return Optional.empty();
    }
    DatasetLayout.DataFile first = files.get(0);
    try {
      Schema schema = first.format().readSchema(layout.store(), first.file());
      return Optional.of(DatasetInfo.of(id, schema, List.of()));
    } catch (CopyJobException e) {
      throw e.toBuilder().tableIfAbsent(id.toString()).build();
    }
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    DatasetId id = request.dataset().id();
    return new FilesReadSession(layout, layout.dataFiles(DatasetLayout.folder(id)), request);
  }

  @Override
  public void checkConnection() {
    layout.visibleFiles("");
  }

  @Override
  public void close() {
    layout.store().close();
  }

  @Override
  public String toString() {
    return "files source " + layout.store().location() + " " + options.format().orElse("(format by extension)");
  }
}
