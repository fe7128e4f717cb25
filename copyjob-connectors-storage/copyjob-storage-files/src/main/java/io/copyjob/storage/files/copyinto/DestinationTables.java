package io.copyjob.storage.files.copyinto;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.SinkConnector;
import java.util.Optional;
import java.util.ServiceLoader;

/** Asks the destination connector what a table looks like (columns, types, nullability, identity columns). */
final class DestinationTables {
  private DestinationTables() {
  }

  /** The table, or empty when it does not exist. */
  static Optional<DatasetInfo> describe(ConnectorSpec destination, DatasetId table) {
    ConnectorProvider provider = provider(destination.type());
    try (SinkConnector sink = provider.createSink(destination.toOptions(provider))) {
      return sink.describe(table);
    }
  }

  private static ConnectorProvider provider(String type) {
    for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
        DestinationTables.class.getClassLoader()}) {
      if (loader == null) {
        continue;
      }
      for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class, loader)) {
        if (p.type().equals(type)) {
          return p;
        }
      }
    }
    throw CopyJobException.of(ErrorCode.UNKNOWN_CONNECTOR, "COPY INTO: no connector of type '" + type
        + "' on the class path; add its artifact (e.g. copyjob-sql-postgresql)");
  }
}
