package io.copyjob.storage.files.format.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.data.TextValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The JSON Lines type mapping.
 *
 * <p>Writing, one JSON object per line, keys in column order, NULL as {@code null}: BOOLEAN as
 * {@code true}/{@code false}; integers as JSON numbers; FLOAT32/64 as JSON numbers, except NaN and the
 * infinities, which JSON cannot hold, as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 * DECIMAL as a JSON number with plain digits (no exponent, scale kept); JSON embedded as a JSON value when it
 * parses to an object, array, number or boolean (compacted onto the line), else (text that does not parse, a
 * JSON string, the JSON literal {@code null}) as a string holding its text, so that it reads back as the same
 * JSON text; every other type as a string in its {@link TextValues} form.
 *
 * <p>Reading: the columns are the keys of the first 1000 lines of the first file, in first-seen order, every
 * one STRING holding the literal text of the value: strings unescaped, numbers with their exact digits,
 * {@code true}/{@code false}, objects and arrays as compact JSON text, JSON {@code null} and missing keys as
 * NULL. This is lossless; the destination converts the text to its types. LIST, MAP and STRUCT columns cannot
 * be written yet.
 */
public final class JsonlTypeMapping {
  /** Lines of the first file whose keys make the schema. */
  public static final int SAMPLE_LINES = 1000;

  private JsonlTypeMapping() {
  }

  /** Writes the non-null value of one row as a JSON value. */
  @FunctionalInterface
  interface ValueWriter {
    void write(JsonGenerator out, ColumnVector vector, int row) throws IOException;
  }

  /** The schema of files whose sampled keys are {@code keys}, in first-seen order. */
  public static Schema fromKeys(Collection<String> keys) {
    List<Field> fields = new ArrayList<>(keys.size());
    for (String k : keys) {
      fields.add(Field.of(k, LogicalType.string()));
    }
    return Schema.of(fields);
  }

  /** The schema a reader sees for a file written with {@code written}. */
  public static Schema readBack(Schema written) {
    List<Field> fields = new ArrayList<>(written.size());
    for (Field f : written.fields()) {
      fields.add(Field.of(f.name(), LogicalType.string()));
    }
    return Schema.of(fields);
  }

  /** Reads the text of a JSON Lines value written for a column of {@code type} back into the type's Java form. */
  public static Object parse(LogicalType type, String text) {
    return text == null ? null : TextValues.parse(type, text);
  }

  /**
   * One writer per column of {@code schema}.
   *
   * @throws io.copyjob.CopyJobException {@code UNSUPPORTED_CONVERSION} naming a nested column
   */
  static ValueWriter[] writers(Schema schema) {
    ValueWriter[] writers = new ValueWriter[schema.size()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = writer(schema.field(i));
    }
    return writers;
  }

  /** Checks that every column can be written. */
  static void check(Schema schema) {
    writers(schema);
  }

  private static ValueWriter writer(Field f) {
    LogicalType type = f.type();
    switch (type.id()) {
      case BOOLEAN:
        return (g, v, r) -> g.writeBoolean(((BooleanVector) v).get(r));
      case INT8: case INT16: case INT32: case INT64:
        return (g, v, r) -> g.writeNumber(((LongVector) v).get(r));
      case FLOAT32:
        return (g, v, r) -> {
          float x = (float) ((DoubleVector) v).get(r);
          if (Float.isFinite(x)) {
            g.writeNumber(x);
          } else {
            g.writeString(Float.toString(x));
          }
        };
      case FLOAT64:
        return (g, v, r) -> {
          double x = ((DoubleVector) v).get(r);
          if (Double.isFinite(x)) {
            g.writeNumber(x);
          } else {
            g.writeString(Double.toString(x));
          }
        };
      case DECIMAL:
        return (g, v, r) -> g.writeNumber(((ObjectVector) v).getDecimal(r).toPlainString());
      case STRING:
        return (g, v, r) -> g.writeString(((ObjectVector) v).getString(r));
      case JSON:
        return (g, v, r) -> {
          String text = ((ObjectVector) v).getString(r);
          String compact = JsonText.compactOrNull(text);
          if (compact == null) {
            g.writeString(text);
          } else {
            g.writeRawValue(compact);
          }
        };
      default:
        if (type.isNested()) {
          throw FileErrors.unsupportedType("JSON Lines", f.name(), type, "nested values are not supported yet; "
              + "convert the column to JSON or STRING");
        }
        TextValues.Encoder text = TextValues.encoder(type);
        return (g, v, r) -> g.writeString(text.encode(v, r));
    }
  }
}
