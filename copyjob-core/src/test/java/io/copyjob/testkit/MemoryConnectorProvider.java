package io.copyjob.testkit;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.Map;
import java.util.Set;

/**
 * The {@code memory} connector of the test kit: reads and writes {@link MemoryStore}s. Options: {@code store}
 * (required), {@code splitRows} (rows per split, default 1000), {@code maxWriters} (default 4), and for failure
 * tests {@code failAfterRows} (a writer fails once it has written that many rows in total), {@code failOnCommit},
 * {@code failOnClose} (closing a write transaction fails, also after its commit), {@code unreadableValue} (a row
 * holding this value cannot be read: it is rejected, or fails the read with BAD_INPUT) and {@code password} (a secret that failures deliberately put in their message, to test redaction).
 */
public final class MemoryConnectorProvider implements ConnectorProvider {
  public static final String TYPE = "memory";

  /** A spec for the store called {@code store}, with extra options as key, value pairs. */
  public static ConnectorSpec spec(String store, String... options) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    map.put("store", store);
    for (int i = 0; i + 1 < options.length; i += 2) {
      map.put(options[i], options[i + 1]);
    }
    return ConnectorSpec.of(TYPE, map);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Set<String> sensitiveOptions() {
    return Set.of("password");
  }

  @Override
  public Set<WriteStrategy.Kind> supportedWriteStrategies() {
    return Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.UPSERT, WriteStrategy.Kind.OVERWRITE);
  }

  @Override
  public void validateOptions(ConnectorOptions options, ConnectorRole role) {
    options.require("store");
    options.getInt("splitRows", 1000);
  }

  @Override
  public SourceConnector createSource(ConnectorOptions options) {
    return new MemorySource(MemoryStore.named(options.require("store")), options.getInt("splitRows", 1000),
        options.get("unreadableValue").orElse(null));
  }

  @Override
  public SinkConnector createSink(ConnectorOptions options) {
    return new MemorySink(MemoryStore.named(options.require("store")), options);
  }

  static CopyJobException injected(ConnectorOptions options, String what) {
    return CopyJobException.of(ErrorCode.STORE_ERROR, what + " (injected failure; secret "
        + options.get("password", "none") + ")");
  }
}
