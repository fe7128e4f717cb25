package io.copyjob.storage.files.format.declared;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import java.util.Objects;

/**
 * One column the files declare (an entry of the {@code columns} option, an entry of COPY INTO's column list).
 *
 * @param name         the column's name
 * @param type         its type; values are converted to it as COPY INTO does (see {@link ValueParsers})
 * @param nullable     false: a NULL (after the default) is a rejected row
 * @param field        CSV: the 1-based field number the value is in
 * @param path         JSON Lines: where the value is in each object (see {@link JsonPath})
 * @param defaultValue the text that replaces a NULL or empty value, parsed like a value; null for none
 */
public record DeclaredColumn(String name, LogicalType type, boolean nullable, int field, JsonPath path,
    String defaultValue) {

  /** Checks the parts. */
  public DeclaredColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    if (field < 1) {
      throw new IllegalArgumentException("field numbers start at 1");
    }
  }

  /** The column as a field of the dataset's schema. */
  public Field toField() {
    return nullable ? Field.of(name, type) : Field.required(name, type);
  }
}
