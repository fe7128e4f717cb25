package io.copyjob.storage.files;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.storage.files.location.FileSelector;
import io.copyjob.storage.files.store.FileStoreProvider;
import io.copyjob.storage.files.store.FileStores;
import java.util.Set;

/**
 * The {@code files} connector: folders of CSV, JSON Lines or Parquet files in any {@link
 * io.copyjob.storage.files.store.FileStore} (the local file system here; S3 and Azure through their artifacts).
 *
 * <p>A dataset {@code ns.name} is the folder {@code <location>/ns/name/}, a dataset {@code name} the folder
 * {@code <location>/name/}. As a source it reads every file below the folder (skipping names starting with
 * {@code _} or {@code .}), one split per file or per part of a large file; or, with {@code locations}, one
 * dataset made of files, folders and wildcard patterns on any stores, as COPY INTO reads them (see
 * {@link io.copyjob.storage.files.location.LocationPattern}). As a destination it writes new files, published
 * only on commit, with APPEND or OVERWRITE, optionally compressed and rolled over by rows or bytes. Options are described in {@link FilesOptions}; {@link FilesLocation} builds them in
 * code. Value encodings: {@link io.copyjob.storage.files.format.csv.CsvTypeMapping},
 * {@link io.copyjob.storage.files.format.jsonl.JsonlTypeMapping},
 * {@link io.copyjob.storage.files.format.parquet.ParquetTypeMapping}.
 */
public final class FilesConnectorProvider implements ConnectorProvider {
  /** The connector's type name. */
  public static final String TYPE = "files";

  @Override
  public String type() {
    return TYPE;
  }

  /** The secret options of every installed file store (see {@link FileStoreProvider#sensitiveOptions()}). */
  @Override
  public Set<String> sensitiveOptions() {
    return FileStores.sensitiveOptions();
  }

  @Override
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.OVERWRITE);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    FilesOptions.parse(options, role);
  }

  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    FilesOptions parsed = FilesOptions.parse(options, ConnectorRole.SOURCE);
    if (!parsed.locations().isEmpty()) {
      return new FilesSource(parsed, FileSelector.withStores(options.asMap()));
    }
    return new FilesSource(parsed, FileStores.open(parsed.location(), options.asMap()));
  }

  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    FilesOptions parsed = FilesOptions.parse(options, ConnectorRole.SINK);
    return new FilesSink(parsed, FileStores.open(parsed.location(), options.asMap()));
  }
}
