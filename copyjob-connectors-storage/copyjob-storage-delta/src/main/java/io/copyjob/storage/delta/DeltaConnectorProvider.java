package io.copyjob.storage.delta;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.storage.files.store.FileStores;
import java.util.Set;

/**
 * The {@code delta} connector: Delta Lake tables on any {@link io.copyjob.storage.files.store.FileStore} (the local
 * file system; S3 and Azure with their artifacts), through Delta Kernel's default handlers over copyjob's stores.
 *
 * <p>Table {@code ns.name} is the Delta table at {@code <location>/ns/name}. As a destination it creates the table
 * from the source schema and appends, overwrites or upserts (copy-on-write) in one commit per run; as a source it
 * reads a snapshot, fully or above the saved watermark, skipping files by their statistics. Options: {@link
 * DeltaOptions}; types: {@link DeltaTypeMapping}; {@link DeltaLocation} builds the options in code.
 */
public final class DeltaConnectorProvider implements ConnectorProvider {
  /** The connector's type name. */
  public static final String TYPE = "delta";

  @Override
  public String type() {
    return TYPE;
  }

  /** The secret options of every installed file store. */
  @Override
  public Set<String> sensitiveOptions() {
    return FileStores.sensitiveOptions();
  }

  @Override
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.OVERWRITE, WriteStrategy.Kind.UPSERT);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    DeltaOptions.parse(options);
  }

  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    DeltaOptions parsed = DeltaOptions.parse(options);
    return new DeltaSource(new DeltaTables(FileStores.open(parsed.location(), options.asMap())), parsed);
  }

  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    DeltaOptions parsed = DeltaOptions.parse(options);
    return new DeltaSink(new DeltaTables(FileStores.open(parsed.location(), options.asMap())), parsed);
  }
}
