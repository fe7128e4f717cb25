package io.copyjob.internal;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.ConnectorProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds {@link ConnectorProvider}s on the class path by type. Not part of the API contract. */
public final class ConnectorRegistry {
  private ConnectorRegistry() {
  }

  /** Every provider visible to this class's and the thread's class loader, by type. */
  public static Map<String, ConnectorProvider> providers() {
    Map<String, ConnectorProvider> byType = new TreeMap<>();
    load(ConnectorRegistry.class.getClassLoader(), byType);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      load(context, byType);
    }
    return byType;
  }

  private static void load(ClassLoader loader, Map<String, ConnectorProvider> byType) {
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class, loader)) {
      byType.putIfAbsent(p.type(), p);
    }
  }

  /** The provider of {@code type}, or an {@link ErrorCode#UNKNOWN_CONNECTOR} error listing the known types. */
  public static ConnectorProvider find(String type) {
    Map<String, ConnectorProvider> all = providers();
    ConnectorProvider p = all.get(type);
    if (p == null) {
      throw CopyJobException.of(ErrorCode.UNKNOWN_CONNECTOR, "no connector of type '" + type
          + "' is on the class path; known types: " + (all.isEmpty() ? "none" : String.join(", ", all.keySet()))
          + ". Add the connector's artifact (e.g. copyjob-sql-postgresql) to the dependencies.");
    }
    return p;
  }
}
