package io.copyjob.storage.files.format.declared;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.TextValues;
import java.util.List;
import java.util.Map;

/**
 * JSON text of nested values (LIST as an array, MAP and STRUCT as objects), for loading them into STRING and
 * JSON columns as COPY INTO loads Parquet's nested types. Scalars inside are JSON numbers, booleans, or strings
 * in their {@link TextValues} form.
 */
final class JsonValues {
  private JsonValues() {
  }

  /** The JSON text of row {@code row} of a nested vector, which must not be NULL. */
  static String encode(ColumnVector v, int row) {
    StringBuilder sb = new StringBuilder();
    append(sb, v.type(), v.getObject(row));
    return sb.toString();
  }

  private static void append(StringBuilder sb, LogicalType type, Object value) {
    if (value == null) {
      sb.append("null");
      return;
    }
    switch (type.id()) {
      case LIST: {
        LogicalType element = type.children().get(0).type();
        sb.append('[');
        int i = 0;
        for (Object o : (List<?>) value) {
          sb.append(i++ == 0 ? "" : ",");
          append(sb, element, o);
        }
        sb.append(']');
        return;
      }
      case MAP: {
        LogicalType valueType = type.children().get(1).type();
        sb.append('{');
        int i = 0;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          sb.append(i++ == 0 ? "" : ",");
          string(sb, String.valueOf(e.getKey()));
          sb.append(':');
          append(sb, valueType, e.getValue());
        }
        sb.append('}');
        return;
      }
      case STRUCT: {
        List<Field> fields = type.children();
        List<?> values = (List<?>) value;
        sb.append('{');
        for (int i = 0; i < fields.size(); i++) {
          sb.append(i == 0 ? "" : ",");
          string(sb, fields.get(i).name());
          sb.append(':');
          append(sb, fields.get(i).type(), values.get(i));
        }
        sb.append('}');
        return;
      }
      case BOOLEAN: case INT8: case INT16: case INT32: case INT64: case FLOAT32: case FLOAT64: case DECIMAL:
        String n = TextValues.toText(type, value);
        if (n.equals("NaN") || n.contains("Infinity")) {
          string(sb, n);
        } else {
          sb.append(n);
        }
        return;
      case JSON:
        sb.append(value);
        return;
      default:
        string(sb, TextValues.toText(type, value));
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
  }
}
