package io.copyjob;

import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.Redactor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A connector type and its options: what a job names as source or destination. Immutable.
 *
 * <p>Typed builders in connector modules ({@code PostgresConnection}, {@code FilesLocation}) return one;
 * {@link #of(String, Map)} is the generic form that job definitions use. {@link #toString()} masks the values
 * of secret options: those the connector declares, and any whose key names a password, secret, key, token or
 * credential.
 */
public final class ConnectorSpec {
  private static final String[] SECRET_WORDS = {"password", "secret", "token", "credential", "key", "sas"};

  private final String type;
  private final Map<String, String> options;

  private ConnectorSpec(String type, Map<String, String> options) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("connector type must not be empty");
    }
    this.type = type;
    Map<String, String> copy = new LinkedHashMap<>();
    options.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "option key"), Objects.requireNonNull(v, () -> "value of option " + k)));
    this.options = java.util.Collections.unmodifiableMap(copy);
  }

  /** A connector of {@code type} (resolved through {@link java.util.ServiceLoader}) with {@code options}. */
  public static ConnectorSpec of(String type, Map<String, String> options) {
    return new ConnectorSpec(type, options);
  }

  public String type() { return type; }

  /** The options, secrets included: never log this map. */
  public Map<String, String> options() { return options; }

  /** This spec with one option added or replaced. */
  public ConnectorSpec with(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(options);
    copy.put(key, value);
    return new ConnectorSpec(type, copy);
  }

  /** The options as connectors receive them, with the provider's secret keys marked. */
  public ConnectorOptions toOptions(ConnectorProvider provider) {
    Set<String> sensitive = new HashSet<>(provider.sensitiveOptions());
    for (String k : options.keySet()) {
      if (looksSecret(k)) {
        sensitive.add(k);
      }
    }
    return ConnectorOptions.of(type, options, sensitive);
  }

  /**
   * The keys of this spec's options whose values are secret: those the installed connector of this type
   * declares, and any whose key names a password, secret, key, token or credential. These are the values that
   * {@link #toString()} masks and that a saved job definition must hold as references.
   */
  public Set<String> sensitiveKeys() {
    Set<String> declared = new HashSet<>();
    ConnectorProvider provider = ConnectorRegistry.providers().get(type);
    if (provider != null) {
      declared.addAll(provider.sensitiveOptions());
    }
    Set<String> sensitive = new java.util.TreeSet<>();
    for (String k : options.keySet()) {
      if (declared.contains(k) || looksSecret(k)) {
        sensitive.add(k);
      }
    }
    return java.util.Collections.unmodifiableSet(sensitive);
  }

  static boolean looksSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    for (String word : SECRET_WORDS) {
      if (k.contains(word)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectorSpec c && c.type.equals(type) && c.options.equals(options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, options);
  }

  /** {@code type{key=value, password=****}}. */
  @Override
  public String toString() {
    Set<String> sensitive = sensitiveKeys();
    StringBuilder sb = new StringBuilder(type).append('{');
    options.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(k).append('=')
        .append(sensitive.contains(k) ? "****" : Redactor.urlsOnly().scrub(v)));
    return sb.append('}').toString();
  }
}
