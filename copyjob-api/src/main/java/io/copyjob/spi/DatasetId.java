package io.copyjob.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The name of a table or file set: an optional namespace (a database schema, a folder) and a name.
 *
 * <p>Written {@code namespace.name}; a part that contains a dot or a double quote is written in double quotes,
 * with a double quote doubled, as SQL does: {@code "my.schema"."order ""lines"""}.
 */
public final class DatasetId implements Comparable<DatasetId> {
  private final String namespace;
  private final String name;

  private DatasetId(String namespace, String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("dataset name must not be empty");
    }
    this.namespace = namespace == null || namespace.isEmpty() ? null : namespace;
    this.name = name;
  }

  public static DatasetId of(String namespace, String name) {
    return new DatasetId(namespace, name);
  }

  /** A name without namespace. */
  public static DatasetId of(String name) {
    return new DatasetId(null, name);
  }

  /** Parses {@code name}, {@code namespace.name} or their quoted forms. */
  public static DatasetId parse(String text) {
    String[] parts = splitQualified(text);
    return parts.length == 1 ? of(parts[0]) : of(parts[0], parts[1]);
  }

  /** Splits a dotted name into at most two unquoted parts; a third part or a bad quote is an error. */
  static String[] splitQualified(String text) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          current.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          current.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == '.') {
        parts.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    parts.add(current.toString());
    if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("not a table name of the form [namespace.]name: " + text);
    }
    return parts.toArray(new String[0]);
  }

  public Optional<String> namespace() { return Optional.ofNullable(namespace); }

  public String name() { return name; }

  /** This dataset under another name in the same namespace. */
  public DatasetId withName(String newName) {
    return new DatasetId(namespace, newName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetId d && Objects.equals(d.namespace, namespace) && d.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(namespace, name);
  }

  @Override
  public int compareTo(DatasetId o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return namespace == null ? quote(name) : quote(namespace) + "." + quote(name);
  }

  private static String quote(String part) {
    return part.indexOf('.') < 0 && part.indexOf('"') < 0 ? part : '"' + part.replace("\"", "\"\"") + '"';
  }
}
