package io.copyjob.storage.files.copyinto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.Schema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code files} connector's {@code columns} option: the destination table's columns (type and nullability
 * from the destination) in the order of the column list, or all of them in table order without one, with each
 * entry's CSV field number, JSON path and default.
 */
final class ColumnsOption {
  private static final JsonFactory JSON = new JsonFactory();

  /** A column to read: the destination's field and the list's entry (positional when there is no list). */
  record Column(Field field, CopyColumn entry) {
  }

  private ColumnsOption() {
  }

  /**
   * The columns a load reads from {@code table} and {@code list}.
   *
   * @throws CopyJobException {@code COLUMN_NOT_FOUND} naming a listed column the table lacks
   */
  static List<Column> columns(String tableName, Schema table, List<CopyColumn> list) {
    List<Column> out = new ArrayList<>();
    if (list.isEmpty()) {
      for (Field f : table.fields()) {
        out.add(new Column(f, CopyColumn.of(f.name())));
      }
      return out;
    }
    for (CopyColumn entry : list) {
      Field field = find(table, entry.name());
      if (field == null) {
        throw CopyJobException.builder(ErrorCode.COLUMN_NOT_FOUND, "COPY INTO column list: table " + tableName
            + " has no column '" + entry.name() + "'; its columns are " + table.names())
            .table(tableName).column(entry.name()).build();
      }
      out.add(new Column(field, entry));
    }
    return out;
  }

  /** The option's JSON text. */
  static String json(List<Column> columns) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartArray();
      for (Column c : columns) {
        g.writeStartObject();
        g.writeStringField("name", c.field().name());
        g.writeStringField("type", c.field().type().toString());
        g.writeBooleanField("nullable", c.field().nullable());
        if (c.entry().field().isPresent()) {
          g.writeNumberField("field", c.entry().field().getAsInt());
        }
        if (c.entry().jsonPath().isPresent()) {
          g.writeStringField("path", c.entry().jsonPath().get());
        }
        if (c.entry().defaultValue().isPresent()) {
          g.writeStringField("default", c.entry().defaultValue().get());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The field named {@code name}: exactly, else case-insensitively (T-SQL names are case-insensitive). */
  private static Field find(Schema table, String name) {
    Field folded = null;
    for (Field f : table.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (folded == null && f.name().equalsIgnoreCase(name)) {
        folded = f;
      }
    }
    return folded;
  }
}
