package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.delta.kernel.StoreFileIO;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.StorePaths;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import java.util.Optional;

/**
 * The Delta tables below one store location: Kernel's default engine over a {@link StoreFileIO}, and the
 * dataset-to-folder mapping ({@code ns.name} is {@code <location>/ns/name}).
 */
final class DeltaTables implements AutoCloseable {
  /** What commits name as their writer in {@code commitInfo.engineInfo}. */
  static final String ENGINE_INFO = "copyjob";

  private final FileStore store;
  private final StoreFileIO fileIO;
  private final Engine engine;

  DeltaTables(FileStore store) {
    this.store = store;
    this.fileIO = new StoreFileIO(store);
    this.engine = DefaultEngine.create(fileIO);
  }

  FileStore store() { return store; }

  /** Lists the store's root: the check behind the source's and the sink's {@code checkConnection()}. */
  void checkConnection() {
    try {
      store.list("");
    } catch (java.io.IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not list " + store.displayName("") + ": " + e)
          .cause(e).build();
    }
  }

  Engine engine() { return engine; }

  StoreFileIO fileIO() { return fileIO; }

  /** The store folder of a dataset's table. */
  static String folder(DatasetId id) {
    return id.namespace().map(ns -> StorePaths.join(ns, id.name())).orElse(id.name());
  }

  /** The table as Kernel addresses it. */
  Table table(DatasetId id) {
    return Table.forPath(engine, fileIO.qualify(folder(id)));
  }

  /** The latest snapshot, or empty when there is no table (no {@code _delta_log}) at the dataset's folder. */
  Optional<Snapshot> latest(DatasetId id) {
    try {
      return Optional.of(table(id).getLatestSnapshot(engine));
    } catch (TableNotFoundException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw failure(id, "read the table's log", e);
    }
  }

  /** The snapshot at {@code version}. */
  Snapshot at(DatasetId id, long version) {
    try {
      return table(id).getSnapshotAsOfVersion(engine, version);
    } catch (TableNotFoundException e) {
      throw CopyJobException.builder(ErrorCode.TABLE_NOT_FOUND, "there is no Delta table at "
          + store.displayName(folder(id))).table(id.toString()).build();
    } catch (RuntimeException e) {
      throw failure(id, "read version " + version + " of the table", e);
    }
  }

  /** A Kernel or store failure as a copyjob error naming the table and what was being done. */
  CopyJobException failure(DatasetId id, String doing, Throwable e) {
    if (e instanceof CopyJobException c) {
      return c.toBuilder().tableIfAbsent(id.toString()).build();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CopyJobException c) {
        return c.toBuilder().tableIfAbsent(id.toString()).build();
      }
    }
    return CopyJobException.builder(ErrorCode.STORE_ERROR, "could not " + doing + " at " + store.displayName(folder(id)) + ": " + e)
        .table(id.toString()).cause(e).build();
  }

  @Override
  public void close() {
    store.close();
  }
}
