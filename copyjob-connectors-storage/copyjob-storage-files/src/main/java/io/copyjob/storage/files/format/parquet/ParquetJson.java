package io.copyjob.storage.files.format.parquet;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.copyjob.data.TextValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The JSON text of a nested Parquet value (LIST, MAP, STRUCT, or a legacy repeated field), as copyjob reads
 * nested columns: lists as arrays (both the three-level and the legacy two-level layout), maps and structs as
 * objects, numbers as JSON numbers (decimals with their scale), strings, dates, timestamps and other scalars as
 * JSON strings, binary as base64.
 */
final class ParquetJson {
  private ParquetJson() {
  }

  /** The JSON of top-level field {@code field} of a record, which holds at least one value. */
  static String field(Group record, int field) {
    StringBuilder sb = new StringBuilder();
    Type type = record.getType().getType(field);
    if (type.isRepetition(Type.Repetition.REPEATED)) {
      repeated(sb, type, record, field);
    } else {
      value(sb, type, record, field, 0);
    }
    return sb.toString();
  }

  private static void repeated(StringBuilder sb, Type type, Group parent, int field) {
    sb.append('[');
    int n = parent.getFieldRepetitionCount(field);
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",");
      value(sb, type, parent, field, i);
    }
    sb.append(']');
  }

  private static void value(StringBuilder sb, Type type, Group parent, int field, int index) {
    if (type.isPrimitive()) {
      primitive(sb, type.asPrimitiveType(), parent, field, index);
    } else {
      group(sb, type.asGroupType(), parent.getGroup(field, index));
    }
  }

  private static void group(StringBuilder sb, GroupType type, Group g) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation && type.getFieldCount() == 1) {
      Type repeated = type.getType(0);
      sb.append('[');
      int n = g.getFieldRepetitionCount(0);
      boolean threeLevel = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
          && !repeated.getName().equals("array") && !repeated.getName().endsWith("_tuple");
      for (int i = 0; i < n; i++) {
        sb.append(i == 0 ? "" : ",");
        if (threeLevel) {
          Group element = g.getGroup(0, i);
          if (element.getFieldRepetitionCount(0) == 0) {
            sb.append("null");
          } else {
            value(sb, repeated.asGroupType().getType(0), element, 0, 0);
          }
        } else {
          value(sb, repeated, g, 0, i);
        }
      }
      sb.append(']');
      return;
    }
    if ((a instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) && type.getFieldCount() == 1
        && !type.getType(0).isPrimitive() && type.getType(0).asGroupType().getFieldCount() == 2) {
      GroupType kv = type.getType(0).asGroupType();
      sb.append('{');
      int n = g.getFieldRepetitionCount(0);
      for (int i = 0; i < n; i++) {
        Group entry = g.getGroup(0, i);
        sb.append(i == 0 ? "" : ",");
        StringBuilder key = new StringBuilder();
        value(key, kv.getType(0), entry, 0, 0);
        if (key.length() > 0 && key.charAt(0) == '"') {
          sb.append(key);
        } else {
          string(sb, key.toString());
        }
        sb.append(':');
        if (entry.getFieldRepetitionCount(1) == 0) {
          sb.append("null");
        } else {
          value(sb, kv.getType(1), entry, 1, 0);
        }
      }
      sb.append('}');
      return;
    }
    sb.append('{');
    for (int f = 0; f < type.getFieldCount(); f++) {
      Type child = type.getType(f);
      sb.append(f == 0 ? "" : ",");
      string(sb, child.getName());
      sb.append(':');
      if (child.isRepetition(Type.Repetition.REPEATED)) {
        repeated(sb, child, g, f);
      } else if (g.getFieldRepetitionCount(f) == 0) {
        sb.append("null");
      } else {
        value(sb, child, g, f, 0);
      }
    }
    sb.append('}');
  }

  private static void primitive(StringBuilder sb, PrimitiveType type, Group g, int field, int i) {
    LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
    switch (type.getPrimitiveTypeName()) {
      case BOOLEAN:
        sb.append(g.getBoolean(field, i));
        return;
      case INT32:
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
          sb.append(BigDecimal.valueOf(g.getInteger(field, i), d.getScale()).toPlainString());
        } else if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          string(sb, LocalDate.ofEpochDay(g.getInteger(field, i)).toString());
        } else {
          sb.append(g.getInteger(field, i));
        }
        return;
      case INT64:
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
          sb.append(BigDecimal.valueOf(g.getLong(field, i), d.getScale()).toPlainString());
        } else if (a instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
          long v = g.getLong(field, i);
          long perSecond = t.getUnit() == LogicalTypeAnnotation.TimeUnit.MILLIS ? 1_000L
              : t.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS ? 1_000_000L : 1_000_000_000L;
          String text = TextValues.formatTimestamp(Math.floorDiv(v, perSecond),
              (int) (Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond)));
          string(sb, t.isAdjustedToUTC() ? text + "Z" : text);
        } else {
          sb.append(g.getLong(field, i));
        }
        return;
      case FLOAT:
      case DOUBLE:
        double d = type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT ? g.getFloat(field, i)
            : g.getDouble(field, i);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          string(sb, Double.toString(d));
        } else {
          sb.append(type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT
              ? Float.toString((float) d) : Double.toString(d));
        }
        return;
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
          string(sb, g.getString(field, i));
        } else if (a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          sb.append(g.getString(field, i));
        } else if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation dec) {
          sb.append(new BigDecimal(new BigInteger(g.getBinary(field, i).getBytes()), dec.getScale()).toPlainString());
        } else {
          string(sb, Base64.getEncoder().encodeToString(g.getBinary(field, i).getBytes()));
        }
        return;
      default:
        string(sb, g.getValueToString(field, i));
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
  }
}
