package io.copyjob.storage.orc;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ListColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.MapColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.StructColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;

/**
 * Reads one value of an ORC column vector in the Java form of its copyjob type (see {@link io.copyjob.data.TypeId}):
 * {@code Integer} for INT32, {@link BigDecimal} with the column's scale, {@link LocalDateTime}, lists, maps, ...
 * Used for the elements of LIST, MAP and STRUCT columns, whose values are Java objects anyway; flat columns are
 * copied without boxing by {@link OrcColumnCopier}.
 */
final class OrcValues {
  private OrcValues() {
  }

  /** Reads row {@code row} of an ORC vector (honouring its null and repeating flags); null for NULL. */
  @FunctionalInterface
  interface ValueReader {
    Object read(ColumnVector vector, int row);
  }

  /** The reader for vectors holding values of {@code type}, as {@link OrcTypeMapping} mapped them. */
  static ValueReader forType(LogicalType type) {
    ValueReader nonNull = nonNull(type);
    return (v, row) -> {
      int i = v.isRepeating ? 0 : row;
      return !v.noNulls && v.isNull[i] ? null : nonNull.read(v, i);
    };
  }

  private static ValueReader nonNull(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN: return (v, i) -> ((LongColumnVector) v).vector[i] != 0;
      case INT8: return (v, i) -> (byte) ((LongColumnVector) v).vector[i];
      case INT16: return (v, i) -> (short) ((LongColumnVector) v).vector[i];
      case INT32: return (v, i) -> (int) ((LongColumnVector) v).vector[i];
      case INT64: return (v, i) -> ((LongColumnVector) v).vector[i];
      case FLOAT32: return (v, i) -> (float) ((DoubleColumnVector) v).vector[i];
      case FLOAT64: return (v, i) -> ((DoubleColumnVector) v).vector[i];
      case DECIMAL: {
        int scale = type.scale();
        return (v, i) -> decimal((DecimalColumnVector) v, i, scale);
      }
      case STRING: return (v, i) -> string((BytesColumnVector) v, i);
      case BINARY: return (v, i) -> bytes((BytesColumnVector) v, i);
      case DATE: return (v, i) -> LocalDate.ofEpochDay(((LongColumnVector) v).vector[i]);
      case TIMESTAMP:
        return (v, i) -> LocalDateTime.ofEpochSecond(epochSecond((TimestampColumnVector) v, i),
            ((TimestampColumnVector) v).nanos[i], ZoneOffset.UTC);
      case TIMESTAMP_TZ:
        return (v, i) -> Instant.ofEpochSecond(epochSecond((TimestampColumnVector) v, i),
            ((TimestampColumnVector) v).nanos[i]);
      case LIST: {
        ValueReader element = forType(type.children().get(0).type());
        return (v, i) -> {
          ListColumnVector l = (ListColumnVector) v;
          List<Object> out = new ArrayList<>((int) l.lengths[i]);
          for (long k = l.offsets[i], end = k + l.lengths[i]; k < end; k++) {
            out.add(element.read(l.child, (int) k));
          }
          return out;
        };
      }
      case MAP: {
        ValueReader key = forType(type.children().get(0).type());
        ValueReader value = forType(type.children().get(1).type());
        return (v, i) -> {
          MapColumnVector m = (MapColumnVector) v;
          Map<Object, Object> out = new LinkedHashMap<>();
          for (long k = m.offsets[i], end = k + m.lengths[i]; k < end; k++) {
            out.put(key.read(m.keys, (int) k), value.read(m.values, (int) k));
          }
          return out;
        };
      }
      case STRUCT: {
        List<Field> fields = type.children();
        ValueReader[] readers = new ValueReader[fields.size()];
        for (int f = 0; f < readers.length; f++) {
          readers[f] = forType(fields.get(f).type());
        }
        return (v, i) -> {
          StructColumnVector s = (StructColumnVector) v;
          List<Object> out = new ArrayList<>(readers.length);
          for (int f = 0; f < readers.length; f++) {
            out.add(readers[f].read(s.fields[f], i));
          }
          return out;
        };
      }
      default:
        throw new IllegalArgumentException("no ORC reader for " + type);
    }
  }

  /** The decimal at {@code i} with exactly {@code scale} digits: ORC's HiveDecimal drops trailing zeros. */
  static BigDecimal decimal(DecimalColumnVector v, int i, int scale) {
    return v.vector[i].getHiveDecimal().bigDecimalValue().setScale(scale);
  }

  static String string(BytesColumnVector v, int i) {
    return new String(v.vector[i], v.start[i], v.length[i], StandardCharsets.UTF_8);
  }

  /** A copy: the vector's buffers are reused for the next batch. */
  static byte[] bytes(BytesColumnVector v, int i) {
    return Arrays.copyOfRange(v.vector[i], v.start[i], v.start[i] + v.length[i]);
  }

  /** Seconds since the epoch; ORC keeps milliseconds in {@code time} and the whole nanosecond of second apart. */
  static long epochSecond(TimestampColumnVector v, int i) {
    return Math.floorDiv(v.time[i], 1000L);
  }
}
