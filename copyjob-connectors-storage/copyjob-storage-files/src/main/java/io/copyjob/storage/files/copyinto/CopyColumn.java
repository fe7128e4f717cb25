package io.copyjob.storage.files.copyinto;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of COPY INTO's column list, {@code name [DEFAULT value] [field_number | 'json_path']}: a destination
 * column, the value that replaces a NULL or empty field, and where its value is in the file (a 1-based CSV field
 * number, or a JSON path into JSON Lines rows). Immutable.
 *
 * <pre>{@code CopyColumn.of("city").withDefault("unknown").field(3)}</pre>
 */
public final class CopyColumn {
  private final String name;
  private final String defaultValue;
  private final int field;
  private final String jsonPath;

  private CopyColumn(String name, String defaultValue, int field, String jsonPath) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a column list entry needs a name");
    }
    if (field < 0) {
      throw new IllegalArgumentException("field numbers start at 1; got " + field + " for column " + name);
    }
    this.name = name;
    this.defaultValue = defaultValue;
    this.field = field;
    this.jsonPath = jsonPath;
  }

  /** The column {@code name}, its value from the field at its position in the list, no default. */
  public static CopyColumn of(String name) {
    return new CopyColumn(name, null, 0, null);
  }

  /** This column with a DEFAULT: the value (as text) loaded where the file has NULL or an empty field. */
  public CopyColumn withDefault(String value) {
    return new CopyColumn(name, Objects.requireNonNull(value, "default value"), field, jsonPath);
  }

  /** This column read from CSV field {@code number} (1-based). */
  public CopyColumn field(int number) {
    if (number < 1) {
      throw new IllegalArgumentException("field numbers start at 1; got " + number + " for column " + name);
    }
    return new CopyColumn(name, defaultValue, number, null);
  }

  /** This column read from JSON path {@code path} of JSON Lines rows ({@code $.address.zip}). */
  public CopyColumn path(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with '$', got '" + path + "' for column " + name);
    }
    return new CopyColumn(name, defaultValue, 0, path);
  }

  /** The destination column. */
  public String name() { return name; }

  /** The DEFAULT loaded in place of NULL and empty fields, as text. */
  public Optional<String> defaultValue() { return Optional.ofNullable(defaultValue); }

  /** The CSV field number, when given. */
  public OptionalInt field() { return field == 0 ? OptionalInt.empty() : OptionalInt.of(field); }

  /** The JSON path, when given. */
  public Optional<String> jsonPath() { return Optional.ofNullable(jsonPath); }

  @Override
  public boolean equals(Object o) {
    return o instanceof CopyColumn c && c.name.equals(name) && Objects.equals(c.defaultValue, defaultValue)
        && c.field == field && Objects.equals(c.jsonPath, jsonPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, defaultValue, field, jsonPath);
  }

  /** As the statement writes it: {@code city DEFAULT 'unknown' 3}. */
  @Override
  public String toString() {
    return name + (defaultValue == null ? "" : " DEFAULT '" + defaultValue.replace("'", "''") + "'")
        + (field == 0 ? "" : " " + field) + (jsonPath == null ? "" : " '" + jsonPath.replace("'", "''") + "'");
  }
}
