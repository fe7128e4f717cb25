package io.copyjob.storage.files.format.declared;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns the files of a dataset declare (the {@code columns} option): the dataset's schema is exactly
 * these columns, and every format reads its values into them. Parsed from a JSON array such as
 * {@code [{"name":"id","type":"INT64","nullable":false},{"name":"city","type":"STRING(40)","field":3,
 * "default":"unknown"},{"name":"zip","type":"STRING(10)","path":"$.address.zip"}]}. Immutable.
 */
public final class DeclaredColumns {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> KEYS = Set.of("name", "type", "nullable", "field", "path", "default");

  private final List<DeclaredColumn> columns;
  private final Schema schema;

  /** Columns in order; names must differ (case-insensitively). */
  public DeclaredColumns(List<DeclaredColumn> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("declares no column");
    }
    Set<String> seen = new HashSet<>();
    List<Field> fields = new ArrayList<>(columns.size());
    for (DeclaredColumn c : columns) {
      if (!seen.add(c.name().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("declares the column '" + c.name() + "' twice");
      }
      fields.add(c.toField());
    }
    this.columns = List.copyOf(columns);
    this.schema = Schema.of(fields);
  }

  /**
   * Parses the JSON text of the {@code columns} option.
   *
   * @throws IllegalArgumentException saying which entry is wrong and why
   */
  public static DeclaredColumns parse(String json) {
    List<DeclaredColumn> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("must be a JSON array of column objects");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        out.add(column(p, out.size() + 1));
      }
      if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
        throw new IllegalArgumentException("must be a JSON array of column objects");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("is not valid JSON: " + e.getMessage());
    }
    return new DeclaredColumns(out);
  }

  private static DeclaredColumn column(JsonParser p, int position) throws IOException {
    String name = null;
    String type = null;
    boolean nullable = true;
    int field = position;
    String path = null;
    String defaultValue = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken v = p.nextToken();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("column " + position + " has the unknown key '" + key + "'; known: "
            + new java.util.TreeSet<>(KEYS));
      }
      switch (key) {
        case "nullable":
          if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("column " + position + ": nullable must be true or false");
          }
          nullable = v == JsonToken.VALUE_TRUE;
          break;
        case "field":
          if (v != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1 || p.getLongValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column " + position + ": field must be a field number from 1");
          }
          field = p.getIntValue();
          break;
        default:
          if (v == JsonToken.VALUE_NULL) {
            break;
          }
          if (!v.isScalarValue()) {
            throw new IllegalArgumentException("column " + position + ": " + key + " must be text");
          }
          String text = p.getText();
          switch (key) {
            case "name": name = text; break;
            case "type": type = text; break;
            case "path": path = text; break;
            default: defaultValue = text; break;
          }
      }
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("column " + position + " has no name");
    }
    if (type == null) {
      throw new IllegalArgumentException("column '" + name + "' has no type");
    }
    LogicalType logical;
    try {
      logical = LogicalType.parse(type.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column '" + name + "' has the unknown type '" + type + "': "
          + e.getMessage());
    }
    if (logical.isNested()) {
      throw new IllegalArgumentException("column '" + name + "' is " + logical
          + "; declare nested values as JSON or STRING");
    }
    JsonPath jsonPath;
    try {
      jsonPath = path == null ? JsonPath.member(name) : JsonPath.parse(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column '" + name + "': " + e.getMessage());
    }
    DeclaredColumn column = new DeclaredColumn(name, logical, nullable, field, jsonPath, defaultValue);
    if (defaultValue != null) {
      checkDefault(column);
    }
    return column;
  }

  /** The JSON text {@link #parse} reads back to these columns (the {@code columns} option's value). */
  public String toJson() {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartArray();
      for (int i = 0; i < columns.size(); i++) {
        DeclaredColumn c = columns.get(i);
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("type", c.type().toString());
        if (!c.nullable()) {
          g.writeBooleanField("nullable", false);
        }
        if (c.field() != i + 1) {
          g.writeNumberField("field", c.field());
        }
        if (!c.path().equals(JsonPath.member(c.name()))) {
          g.writeStringField("path", c.path().toString());
        }
        if (c.defaultValue() != null) {
          g.writeStringField("default", c.defaultValue());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A default must read as a value of its column, in some date order (the files' order is not known here). */
  private static void checkDefault(DeclaredColumn column) {
    BadValue last = null;
    for (DateOrder order : DateOrder.values()) {
      try {
        ValueParsers.forColumn(column, order).parseDefault();
        return;
      } catch (BadValue e) {
        last = e;
      }
    }
    throw new IllegalArgumentException("column '" + column.name() + "' has a default that is not a " + column.type()
        + ": " + last.getMessage());
  }

  /** The columns, in order. */
  public List<DeclaredColumn> columns() {
    return columns;
  }

  /** The dataset's schema: one field per column, nullable unless declared otherwise. */
  public Schema schema() {
    return schema;
  }

  /** The column named {@code name}; throws when there is none. */
  public DeclaredColumn column(String name) {
    for (DeclaredColumn c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no declared column '" + name + "'");
  }

  @Override
  public String toString() {
    return columns.toString();
  }
}
