package io.copyjob.storage.files.format.csv;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.data.TextValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The CSV type mapping. Writing: every logical type becomes text as {@link TextValues} describes; NULL is an
 * empty unquoted field and an empty string a quoted {@code ""}. Reading: every column is STRING (nullable),
 * named by the header; the destination converts the text to its own types. LIST, MAP and STRUCT are not
 * supported yet.
 */
public final class CsvTypeMapping {
  /** Prefix of column names when a file has no header row: {@code column1}, {@code column2}, ... */
  public static final String UNNAMED_PREFIX = "column";

  private CsvTypeMapping() {
  }

  /**
   * The schema of a file with this header row: STRING columns in header order.
   *
   * @throws io.copyjob.CopyJobException {@code BAD_INPUT} naming the file when a name is empty or repeated
   */
  public static Schema fromHeader(List<String> names, String file) {
    Set<String> seen = new HashSet<>();
    List<Field> fields = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isEmpty()) {
        throw FileErrors.badInput(file, 1, "the header names no column " + (i + 1)
            + " (an empty name); give every column a name or set csv.header=false", null);
      }
      if (!seen.add(name)) {
        throw FileErrors.badInput(file, 1, "the header names the column '" + name + "' twice", null);
      }
      fields.add(Field.of(name, LogicalType.string()));
    }
    return Schema.of(fields);
  }

  /** The schema of a file without header row and {@code count} fields per row. */
  public static Schema unnamed(int count) {
    List<Field> fields = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      fields.add(Field.of(UNNAMED_PREFIX + i, LogicalType.string()));
    }
    return Schema.of(fields);
  }

  /** The schema a reader sees for a file written with {@code written}. */
  public static Schema readBack(Schema written, boolean header) {
    if (!header) {
      return unnamed(written.size());
    }
    List<Field> fields = new ArrayList<>(written.size());
    for (Field f : written.fields()) {
      fields.add(Field.of(f.name(), LogicalType.string()));
    }
    return Schema.of(fields);
  }

  /**
   * One text encoder per column of {@code schema}.
   *
   * @throws io.copyjob.CopyJobException {@code UNSUPPORTED_CONVERSION} naming a nested column
   */
  public static TextValues.Encoder[] encoders(Schema schema) {
    TextValues.Encoder[] encoders = new TextValues.Encoder[schema.size()];
    for (int i = 0; i < encoders.length; i++) {
      Field f = schema.field(i);
      if (f.type().isNested()) {
        throw FileErrors.unsupportedType("CSV", f.name(), f.type(), "nested values are not supported yet; "
            + "convert the column to JSON or STRING");
      }
      encoders[i] = TextValues.encoder(f.type());
    }
    return encoders;
  }

  /** Reads a CSV field written for a column of {@code type} back into the type's Java form. */
  public static Object parse(LogicalType type, String text) {
    return text == null ? null : TextValues.parse(type, text);
  }
}
