package io.copyjob.spi;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The options of one connector: string keys and values, plus which keys are secret. Immutable.
 *
 * <p>{@link #toString()} masks secret values, and {@link #secretValues()} lets the engine remove them from
 * any message that leaves a run. Typed getters fail with {@link ErrorCode#INVALID_OPTION} naming the
 * connector and the option.
 */
public final class ConnectorOptions {
  private final String type;
  private final Map<String, String> values;
  private final Set<String> sensitiveKeys;

  private ConnectorOptions(String type, Map<String, String> values, Set<String> sensitiveKeys) {
    this.type = type;
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.sensitiveKeys = Collections.unmodifiableSet(new TreeSet<>(sensitiveKeys));
  }

  public static ConnectorOptions of(String type, Map<String, String> values, Set<String> sensitiveKeys) {
    return new ConnectorOptions(type, values, sensitiveKeys);
  }

  /** The connector type these options are for. */
  public String type() { return type; }

  /** All options, secrets included: never log this map. */
  public Map<String, String> asMap() { return values; }

  public Set<String> sensitiveKeys() { return sensitiveKeys; }

  /** A redactor of this connector's secrets, for every message that may quote a driver or SDK. */
  public Redactor redactor() {
    return Redactor.of(secretValues());
  }

  /** The values of the secret options that are set, for redaction. */
  public List<String> secretValues() {
    return sensitiveKeys.stream().map(values::get).filter(v -> v != null && !v.isEmpty()).toList();
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String get(String key, String defaultValue) {
    return values.getOrDefault(key, defaultValue);
  }

  /** The value of a required option, or an {@link ErrorCode#INVALID_OPTION} error naming it. */
  public String require(String key) {
    String v = values.get(key);
    if (v == null || v.isBlank()) {
      throw invalid(key, "is required");
    }
    return v;
  }

  public int getInt(String key, int defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number, got '" + display(key) + "'");
    }
  }

  public long getLong(String key, long defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw invalid(key, "must be a whole number, got '" + display(key) + "'");
    }
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true": return true;
      case "false": return false;
      default: throw invalid(key, "must be true or false, got '" + display(key) + "'");
    }
  }

  /** An enum option, matched case-insensitively, with '-' read as '_'. */
  public <E extends Enum<E>> E getEnum(String key, Class<E> type, E defaultValue) {
    String v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    String wanted = v.trim().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw invalid(key, "must be one of " + allowed + ", got '" + display(key) + "'");
  }

  /** An {@link ErrorCode#INVALID_OPTION} error about {@code key}. */
  public CopyJobException invalid(String key, String problem) {
    return CopyJobException.of(ErrorCode.INVALID_OPTION, "option '" + key + "' of the " + type + " connector " + problem);
  }

  private String display(String key) {
    return sensitiveKeys.contains(key) ? "****" : values.get(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConnectorOptions c && c.type.equals(type) && c.values.equals(values);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + values.hashCode();
  }

  /**
   * {@code type{key=value, password=****}}: secret values are masked, and so are secrets written into other
   * values (a {@code password=} parameter of a URL).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(type).append('{');
    values.forEach((k, v) -> sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ")
        .append(k).append('=').append(sensitiveKeys.contains(k) ? "****" : Redactor.urlsOnly().scrub(v)));
    return sb.append('}').toString();
  }
}
