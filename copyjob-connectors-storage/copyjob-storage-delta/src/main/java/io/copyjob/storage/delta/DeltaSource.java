package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.ReadRequest;
import io.copyjob.spi.ReadSession;
import io.copyjob.spi.SourceConnector;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.StorePaths;
import io.delta.kernel.Snapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads Delta tables: the latest snapshot, or the version the {@code version} option names. Every read of a run is
 * pinned to one snapshot, so its splits (one per live data file) and its incremental bound see the same table.
 */
final class DeltaSource implements SourceConnector {
  private final DeltaTables tables;
  private final DeltaOptions options;

  DeltaSource(DeltaTables tables, DeltaOptions options) {
    this.tables = tables;
    this.options = options;
  }

  /** Every folder below the location that holds a {@code _delta_log}, as {@code name} or {@code ns.name}. */
  @Override
  public List<DatasetId> listDatasets() {
    TreeSet<DatasetId> ids = new TreeSet<>();
    try {
      for (FileInfo f : tables.store().list("")) {
        int log = f.path().indexOf("_delta_log/");
        if (log > 0 && f.path().charAt(log - 1) == '/') {
          String folder = f.path().substring(0, log - 1);
          String parent = StorePaths.parent(folder);
          if (parent.indexOf('/') < 0) {
            ids.add(parent.isEmpty() ? DatasetId.of(folder) : DatasetId.of(parent, StorePaths.name(folder)));
          }
        }
      }
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not list the tables below "
          + tables.store().displayName("") + ": " + e).cause(e).build();
    }
    return new ArrayList<>(ids);
  }

  @Override
  public Optional<DatasetInfo> describe(DatasetId id) {
    Optional<Snapshot> snapshot = snapshot(id);
    return snapshot.map(s -> DatasetInfo.of(id, DeltaTypeMapping.fromDelta(s.getSchema(), id.toString()),
        DeltaSink.primaryKey(s)));
  }

  private Optional<Snapshot> snapshot(DatasetId id) {
    if (options.version().isPresent()) {
      return Optional.of(tables.at(id, options.version().getAsLong()));
    }
    return tables.latest(id);
  }

  @Override
  public ReadSession beginRead(ReadRequest request) {
    DatasetId id = request.dataset().id();
    Snapshot snapshot = snapshot(id).orElseThrow(() -> CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND,
        "there is no Delta table at " + tables.store().displayName(DeltaTables.folder(id))).table(id.toString()).build());
    return new DeltaReadSession(tables, snapshot, request);
  }

  @Override
  public void checkConnection() {
    tables.checkConnection();
  }

  @Override
  public void close() {
    tables.close();
  }
}
