package io.copyjob.storage.delta;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.data.TypeId;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FieldMetadata;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;

/**
 * The Delta type mapping, both ways.
 *
 * <table>
 *   <caption>copyjob to Delta</caption>
 *   <tr><th>copyjob</th><th>Delta</th></tr>
 *   <tr><td>BOOLEAN, INT8, INT16, INT32, INT64</td><td>boolean, byte, short, integer, long</td></tr>
 *   <tr><td>FLOAT32, FLOAT64</td><td>float, double</td></tr>
 *   <tr><td>DECIMAL(p,s)</td><td>decimal(p,s)</td></tr>
 *   <tr><td>STRING, STRING(n), JSON, UUID</td><td>string (a UUID as its 36-character text)</td></tr>
 *   <tr><td>BINARY</td><td>binary</td></tr>
 *   <tr><td>DATE</td><td>date</td></tr>
 *   <tr><td>TIMESTAMP(p), p &le; 6</td><td>timestamp_ntz (microseconds)</td></tr>
 *   <tr><td>TIMESTAMP_TZ(p), p &le; 6</td><td>timestamp (microseconds, UTC)</td></tr>
 *   <tr><td>TIME, TIMESTAMP(7..9), LIST, MAP, STRUCT</td><td>not supported: an error naming the column; convert
 *       it first ({@code convert(column, LogicalType.timestamp(6))}, or to STRING)</td></tr>
 * </table>
 *
 * <p>Each field also records its exact copyjob type in the Delta field metadata under {@value #TYPE_KEY}, so a
 * table written by copyjob reads back as STRING(20), TIMESTAMP(3), UUID, JSON; tables written by others map from
 * the Delta types alone (timestamp to TIMESTAMP_TZ(6), timestamp_ntz to TIMESTAMP(6)).
 */
public final class DeltaTypeMapping {
  /** Field metadata key holding the copyjob type of a column. */
  public static final String TYPE_KEY = "copyjob.type";

  private DeltaTypeMapping() {
  }

  /** The Delta schema of a copyjob schema; fails naming the first column Delta cannot hold. */
  public static StructType toDelta(Schema schema, String table) {
    StructType struct = new StructType();
    for (Field f : schema.fields()) {
      FieldMetadata meta = FieldMetadata.builder().putString(TYPE_KEY, f.type().toString()).build();
      struct = struct.add(new StructField(f.name(), toDelta(f, table), f.nullable(), meta));
    }
    return struct;
  }

  static DataType toDelta(Field f, String table) {
    LogicalType t = f.type();
    switch (t.id()) {
      case BOOLEAN: return BooleanType.BOOLEAN;
      case INT8: return ByteType.BYTE;
      case INT16: return ShortType.SHORT;
      case INT32: return IntegerType.INTEGER;
      case INT64: return LongType.LONG;
      case FLOAT32: return FloatType.FLOAT;
      case FLOAT64: return DoubleType.DOUBLE;
      case DECIMAL: return new DecimalType(t.precision(), t.scale());
      case STRING: case JSON: case UUID: return StringType.STRING;
      case BINARY: return BinaryType.BINARY;
      case DATE: return DateType.DATE;
      case TIMESTAMP:
        if (t.precision() <= 6) {
          return TimestampNTZType.TIMESTAMP_NTZ;
        }
        break;
      case TIMESTAMP_TZ:
        if (t.precision() <= 6) {
          return TimestampType.TIMESTAMP;
        }
        break;
      default:
        break;
    }
    throw CopyJobException.builder(ErrorCode.UNSUPPORTED_CONVERSION, "a Delta table cannot hold " + t
        + (t.isTimestamp() ? ": Delta timestamps have microseconds; convert the column to " + t.id() + "(6)"
            : "; convert the column to a type Delta has (STRING, for example)"))
        .table(table).column(f.name()).build();
  }

  /** The copyjob schema of a Delta schema, using the recorded copyjob types where present and consistent. */
  public static Schema fromDelta(StructType struct, String table) {
    List<Field> fields = new ArrayList<>();
    for (StructField sf : struct.fields()) {
      LogicalType type = fromDelta(sf, table);
      fields.add(sf.isNullable() ? Field.of(sf.getName(), type) : Field.required(sf.getName(), type));
    }
    return Schema.of(fields);
  }

  private static LogicalType fromDelta(StructField sf, String table) {
    DataType d = sf.getDataType();
    LogicalType mapped = mapped(d);
    if (mapped == null) {
      throw CopyJobException.builder(ErrorCode.SCHEMA_MISMATCH, "the Delta column has the type " + d
          + ", which copyjob cannot read yet").table(table).column(sf.getName()).build();
    }
    String recorded = sf.getMetadata().contains(TYPE_KEY) ? sf.getMetadata().getString(TYPE_KEY) : null;
    if (recorded != null) {
      try {
        LogicalType r = LogicalType.parse(recorded);
        if (mapped.equals(toDeltaLogical(r))) {
          return r;
        }
      } catch (IllegalArgumentException e) {
        // Not ours after all: the Delta type decides.
      }
    }
    return mapped;
  }

  /** The logical type a recorded type travels as in Delta, to check the record still fits the column. */
  private static LogicalType toDeltaLogical(LogicalType r) {
    switch (r.id()) {
      case STRING: case JSON: return LogicalType.string();
      case UUID: return r; // read back as the text it was written as: never equal to a Delta string
      case TIMESTAMP: return LogicalType.timestamp(6);
      case TIMESTAMP_TZ: return LogicalType.timestampTz(6);
      default: return r;
    }
  }

  private static LogicalType mapped(DataType d) {
    if (d instanceof BooleanType) {
      return LogicalType.bool();
    } else if (d instanceof ByteType) {
      return LogicalType.int8();
    } else if (d instanceof ShortType) {
      return LogicalType.int16();
    } else if (d instanceof IntegerType) {
      return LogicalType.int32();
    } else if (d instanceof LongType) {
      return LogicalType.int64();
    } else if (d instanceof FloatType) {
      return LogicalType.float32();
    } else if (d instanceof DoubleType) {
      return LogicalType.float64();
    } else if (d instanceof DecimalType dec) {
      return LogicalType.decimal(dec.getPrecision(), dec.getScale());
    } else if (d instanceof StringType) {
      return LogicalType.string();
    } else if (d instanceof BinaryType) {
      return LogicalType.binary();
    } else if (d instanceof DateType) {
      return LogicalType.date();
    } else if (d instanceof TimestampNTZType) {
      return LogicalType.timestamp(6);
    } else if (d instanceof TimestampType) {
      return LogicalType.timestampTz(6);
    }
    return null;
  }

  /** The schema the Parquet files are written with: UUID and JSON as plain strings, as Delta's string type is. */
  static Schema fileSchema(Schema schema) {
    List<Field> fields = new ArrayList<>();
    for (Field f : schema.fields()) {
      TypeId id = f.type().id();
      fields.add(id == TypeId.UUID || id == TypeId.JSON ? f.withType(LogicalType.string()) : f);
    }
    return Schema.of(fields);
  }
}
