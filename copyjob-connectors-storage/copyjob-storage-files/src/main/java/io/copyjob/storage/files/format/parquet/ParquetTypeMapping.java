package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
import io.copyjob.storage.files.format.FileErrors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet type mapping, both ways.
 *
 * <table>
 *   <caption>Writing</caption>
 *   <tr><th>copyjob</th><th>Parquet</th></tr>
 *   <tr><td>BOOLEAN</td><td>BOOLEAN</td></tr>
 *   <tr><td>INT8, INT16, INT32</td><td>INT32 with INT(8|16|32, signed)</td></tr>
 *   <tr><td>INT64</td><td>INT64 with INT(64, signed)</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>FLOAT, DOUBLE</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>DECIMAL(p,s) on INT32 (p &le; 9), INT64 (p &le; 18), else FIXED_LEN_BYTE_ARRAY of
 *       the fewest bytes that hold p digits (16 for p = 38); values must fit exactly</td></tr>
 *   <tr><td>STRING</td><td>BINARY with STRING (UTF-8)</td></tr>
 *   <tr><td>BINARY</td><td>BINARY</td></tr>
 *   <tr><td>UUID</td><td>FIXED_LEN_BYTE_ARRAY(16) with UUID</td></tr>
 *   <tr><td>JSON</td><td>BINARY with JSON</td></tr>
 *   <tr><td>DATE</td><td>INT32 with DATE</td></tr>
 *   <tr><td>TIME(p)</td><td>INT64 with TIME(MICROS) for p &le; 6, TIME(NANOS) above; isAdjustedToUTC=false</td></tr>
 *   <tr><td>TIMESTAMP(p)</td><td>INT64 with TIMESTAMP(MICROS) for p &le; 6, TIMESTAMP(NANOS) above;
 *       isAdjustedToUTC=false. NANOS holds only 1677-09-21 to 2262-04-11: other values fail</td></tr>
 *   <tr><td>TIMESTAMP_TZ(p)</td><td>the same with isAdjustedToUTC=true</td></tr>
 *   <tr><td>LIST, MAP, STRUCT</td><td>not supported yet: an error naming the column</td></tr>
 * </table>
 *
 * <p>Nullable columns are OPTIONAL, others REQUIRED. Because Parquet has no string lengths and only three
 * time units, the exact copyjob types are also recorded in the footer's key-value metadata under
 * {@value #TYPES_KEY}; reading uses them where they refine what the Parquet type says (a TIMESTAMP(3) written
 * as MICROS reads back as TIMESTAMP(3), a STRING(20) as STRING(20)), so a file written by copyjob reads back
 * to an equal schema.
 *
 * <p>Reading files from elsewhere also maps: INT annotations (unsigned ones widened: UINT8 to INT16,
 * UINT16 to INT32, UINT32 to INT64, UINT64 to DECIMAL(20,0)), ENUM to STRING, BSON and un-annotated
 * FIXED_LEN_BYTE_ARRAY to BINARY, TIME and TIMESTAMP in MILLIS to precision 3, legacy INT96 timestamps to
 * TIMESTAMP(9). Nested columns (groups, repeated fields) are not supported yet.
 */
public final class ParquetTypeMapping {
  /** Footer metadata key holding the copyjob type of each column as JSON: {@code {"col":"TIMESTAMP(3)"}}. */
  public static final String TYPES_KEY = "copyjob.types";

  private ParquetTypeMapping() {
  }

  /**
   * The Parquet schema for writing {@code schema}.
   *
   * @throws io.copyjob.CopyJobException {@code UNSUPPORTED_CONVERSION} naming a column of a nested type
   */
  public static MessageType toParquet(Schema schema) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Field f : schema.fields()) {
      message.addField(toParquet(f));
    }
    return message.named("copyjob");
  }

  private static Type toParquet(Field f) {
    Type.Repetition rep = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
    LogicalType t = f.type();
    switch (t.id()) {
      case BOOLEAN:
        return Types.primitive(PrimitiveTypeName.BOOLEAN, rep).named(f.name());
      case INT8:
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(8, true)).named(f.name());
      case INT16:
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(16, true)).named(f.name());
      case INT32:
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.intType(32, true)).named(f.name());
      case INT64:
        return Types.primitive(PrimitiveTypeName.INT64, rep).as(LogicalTypeAnnotation.intType(64, true)).named(f.name());
      case FLOAT32:
        return Types.primitive(PrimitiveTypeName.FLOAT, rep).named(f.name());
      case FLOAT64:
        return Types.primitive(PrimitiveTypeName.DOUBLE, rep).named(f.name());
      case DECIMAL: {
        LogicalTypeAnnotation dec = LogicalTypeAnnotation.decimalType(t.scale(), t.precision());
        if (t.precision() <= 9) {
          return Types.primitive(PrimitiveTypeName.INT32, rep).as(dec).named(f.name());
        }
        if (t.precision() <= 18) {
          return Types.primitive(PrimitiveTypeName.INT64, rep).as(dec).named(f.name());
        }
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(decimalBytes(t.precision()))
            .as(dec).named(f.name());
      }
      case STRING:
        return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.stringType()).named(f.name());
      case BINARY:
        return Types.primitive(PrimitiveTypeName.BINARY, rep).named(f.name());
      case UUID:
        return Types.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(16)
            .as(LogicalTypeAnnotation.uuidType()).named(f.name());
      case JSON:
        return Types.primitive(PrimitiveTypeName.BINARY, rep).as(LogicalTypeAnnotation.jsonType()).named(f.name());
      case DATE:
        return Types.primitive(PrimitiveTypeName.INT32, rep).as(LogicalTypeAnnotation.dateType()).named(f.name());
      case TIME:
        return Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timeType(false, unitFor(t.precision()))).named(f.name());
      case TIMESTAMP:
        return Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(false, unitFor(t.precision()))).named(f.name());
      case TIMESTAMP_TZ:
        return Types.primitive(PrimitiveTypeName.INT64, rep)
            .as(LogicalTypeAnnotation.timestampType(true, unitFor(t.precision()))).named(f.name());
      default:
        throw FileErrors.unsupportedType("Parquet", f.name(), t, "LIST, MAP and STRUCT columns are not supported "
            + "yet; convert the column to JSON or STRING");
    }
  }

  /** MICROS up to precision 6, NANOS above. */
  static TimeUnit unitFor(int precision) {
    return precision > 6 ? TimeUnit.NANOS : TimeUnit.MICROS;
  }

  /** The fewest bytes whose two's complement holds every unscaled value of {@code precision} digits. */
  static int decimalBytes(int precision) {
    BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
    return (max.bitLength() + 1 + 7) / 8; // + 1 for the sign bit
  }

  /**
   * The copyjob schema of a file with this Parquet schema and footer metadata.
   *
   * @param file names the file in errors
   * @throws io.copyjob.CopyJobException {@code BAD_INPUT} naming the file and column for nested or unknown types
   */
  public static Schema fromParquet(MessageType parquet, Map<String, String> keyValueMetadata, String file) {
    Map<String, LogicalType> recorded = recordedTypes(keyValueMetadata);
    List<Field> fields = new ArrayList<>(parquet.getFieldCount());
    for (Type type : parquet.getFields()) {
      LogicalType mapped = fromParquet(type, file);
      LogicalType refined = recorded.get(type.getName());
      if (refined != null && refines(refined, mapped)) {
        mapped = refined;
      }
      boolean nullable = type.getRepetition() != Type.Repetition.REQUIRED;
      fields.add(nullable ? Field.of(type.getName(), mapped) : Field.required(type.getName(), mapped));
    }
    return Schema.of(fields);
  }

  /** Whether a top-level Parquet column is nested (a group, or a repeated field): it is read as JSON text. */
  static boolean isNested(Type type) {
    return !type.isPrimitive() || type.getRepetition() == Type.Repetition.REPEATED;
  }

  /**
   * The copyjob type of one top-level Parquet column. A nested column (LIST, MAP, STRUCT, a repeated field) is
   * JSON: its values are read as JSON text (see {@link ParquetJson}), as COPY INTO loads them into string
   * columns.
   */
  static LogicalType fromParquet(Type type, String file) {
    if (isNested(type)) {
      return LogicalType.json();
    }
    PrimitiveType p = type.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    PrimitiveTypeName physical = p.getPrimitiveTypeName();
    if (a == null) {
      switch (physical) {
        case BOOLEAN: return LogicalType.bool();
        case INT32: return LogicalType.int32();
        case INT64: return LogicalType.int64();
        case INT96: return LogicalType.timestamp(9);
        case FLOAT: return LogicalType.float32();
        case DOUBLE: return LogicalType.float64();
        default: return LogicalType.binary();
      }
    }
    if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
        || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
      return LogicalType.string();
    }
    if (a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
      return LogicalType.json();
    }
    if (a instanceof LogicalTypeAnnotation.BsonLogicalTypeAnnotation) {
      return LogicalType.binary();
    }
    if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
      return LogicalType.uuid();
    }
    if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
      return LogicalType.date();
    }
    if (a instanceof DecimalLogicalTypeAnnotation d) {
      if (d.getPrecision() > LogicalType.MAX_DECIMAL_PRECISION) {
        throw FileErrors.badInput(file, 0, "the column '" + type.getName() + "' is DECIMAL(" + d.getPrecision() + ","
            + d.getScale() + "), more than the " + LogicalType.MAX_DECIMAL_PRECISION + " digits copyjob carries", null);
      }
      return LogicalType.decimal(d.getPrecision(), d.getScale());
    }
    if (a instanceof TimeLogicalTypeAnnotation t) {
      return LogicalType.time(precisionOf(t.getUnit()));
    }
    if (a instanceof TimestampLogicalTypeAnnotation t) {
      int precision = precisionOf(t.getUnit());
      return t.isAdjustedToUTC() ? LogicalType.timestampTz(precision) : LogicalType.timestamp(precision);
    }
    if (a instanceof IntLogicalTypeAnnotation i) {
      if (i.isSigned()) {
        switch (i.getBitWidth()) {
          case 8: return LogicalType.int8();
          case 16: return LogicalType.int16();
          case 32: return LogicalType.int32();
          default: return LogicalType.int64();
        }
      }
      switch (i.getBitWidth()) {
        case 8: return LogicalType.int16();
        case 16: return LogicalType.int32();
        case 32: return LogicalType.int64();
        default: return LogicalType.decimal(20, 0);
      }
    }
    throw FileErrors.badInput(file, 0, "the column '" + type.getName() + "' has the Parquet type " + p
        + ", which copyjob cannot read yet", null);
  }

  private static int precisionOf(TimeUnit unit) {
    switch (unit) {
      case MILLIS: return 3;
      case MICROS: return 6;
      default: return 9;
    }
  }

  /** Whether a recorded type only narrows what the Parquet type says, so it is safe to trust. */
  private static boolean refines(LogicalType recorded, LogicalType mapped) {
    if (recorded.id() != mapped.id()) {
      return false;
    }
    switch (recorded.id()) {
      case TIME: case TIMESTAMP: case TIMESTAMP_TZ:
        return recorded.precision() <= mapped.precision();
      case STRING: case BINARY:
        return true;
      default:
        return recorded.equals(mapped);
    }
  }

  /** The JSON stored under {@link #TYPES_KEY} for {@code schema}. */
  static String typesJson(Schema schema) {
    StringBuilder sb = new StringBuilder("{");
    for (Field f : schema.fields()) {
      sb.append(sb.length() == 1 ? "" : ",");
      quote(sb, f.name()).append(':');
      quote(sb, f.type().toString());
    }
    return sb.append('}').toString();
  }

  private static StringBuilder quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"');
  }

  /** The types recorded under {@link #TYPES_KEY}; empty when absent or unreadable (it is only a refinement). */
  static Map<String, LogicalType> recordedTypes(Map<String, String> keyValueMetadata) {
    Map<String, LogicalType> types = new LinkedHashMap<>();
    String json = keyValueMetadata == null ? null : keyValueMetadata.get(TYPES_KEY);
    if (json == null) {
      return types;
    }
    try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return types;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        LogicalType t = parseType(p.getText());
        if (t != null) {
          types.put(name, t);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      types.clear();
    }
    return types;
  }

  /** Reads {@link LogicalType#toString()} of a non-nested type; null for anything else. */
  static LogicalType parseType(String text) {
    String name = text;
    int a = -1;
    int b = -1;
    int open = text.indexOf('(');
    if (open > 0) {
      if (!text.endsWith(")")) {
        return null;
      }
      name = text.substring(0, open);
      String[] args = text.substring(open + 1, text.length() - 1).split(",");
      a = Integer.parseInt(args[0].trim());
      b = args.length > 1 ? Integer.parseInt(args[1].trim()) : -1;
    }
    TypeId id;
    try {
      id = TypeId.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
    switch (id) {
      case BOOLEAN: return LogicalType.bool();
      case INT8: return LogicalType.int8();
      case INT16: return LogicalType.int16();
      case INT32: return LogicalType.int32();
      case INT64: return LogicalType.int64();
      case FLOAT32: return LogicalType.float32();
      case FLOAT64: return LogicalType.float64();
      case DECIMAL: return LogicalType.decimal(a, b);
      case STRING: return a < 0 ? LogicalType.string() : LogicalType.string(a);
      case BINARY: return a < 0 ? LogicalType.binary() : LogicalType.binary(a);
      case UUID: return LogicalType.uuid();
      case JSON: return LogicalType.json();
      case DATE: return LogicalType.date();
      case TIME: return LogicalType.time(a);
      case TIMESTAMP: return LogicalType.timestamp(a);
      case TIMESTAMP_TZ: return LogicalType.timestampTz(a);
      default: return null;
    }
  }
}
