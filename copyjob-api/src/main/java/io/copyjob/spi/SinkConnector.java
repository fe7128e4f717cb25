package io.copyjob.spi;

import java.util.Optional;

/**
 * Writes datasets into a store. Created per run by {@link ConnectorProvider#createSink(ConnectorOptions)} and
 * closed by the engine at the end of the run.
 */
public interface SinkConnector extends AutoCloseable {

  /** The destination dataset's columns and primary key, or empty when it does not exist yet. */
  Optional<DatasetInfo> describe(DatasetId id);

  /**
   * Prepares one atomic write: checks or creates the destination (per {@link WriteRequest#creation()}),
   * resolves upsert keys, and returns the transaction that writers and the commit go through.
   */
  WriteTransaction begin(WriteRequest request);

  /** Checks that the store is reachable and writable with the given credentials, without writing data. */
  default void checkConnection() {
  }

  @Override
  void close();
}
