package io.copyjob.spi;

import java.util.List;
import java.util.Optional;

/**
 * Reads datasets from a store. Created per run by {@link ConnectorProvider#createSource(ConnectorOptions)} and
 * closed by the engine at the end of the run; may hold connections across the datasets of the run.
 */
public interface SourceConnector extends AutoCloseable {

  /** Every dataset the connector can read, for table patterns; in a stable order. */
  List<DatasetId> listDatasets();

  /** The dataset's columns and primary key, or empty when it does not exist. */
  Optional<DatasetInfo> describe(DatasetId id);

  /** Starts one consistent read of a dataset. */
  ReadSession beginRead(ReadRequest request);

  /**
   * Checks that the store is reachable with the given credentials, without reading data; throws
   * {@link io.copyjob.CopyJobException} otherwise.
   */
  default void checkConnection() {
    listDatasets();
  }

  @Override
  void close();
}
