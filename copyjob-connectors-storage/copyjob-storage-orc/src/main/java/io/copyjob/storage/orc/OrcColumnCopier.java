package io.copyjob.storage.orc;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TimestampVector;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;

/**
 * Copies rows of one ORC column vector into a copyjob column vector, chosen once per column from its type:
 * numbers, booleans, dates and timestamps go from ORC's primitive arrays into copyjob's without boxing; text,
 * binary and decimals become their Java objects; LIST, MAP and STRUCT values are built by {@link OrcValues}.
 */
@FunctionalInterface
interface OrcColumnCopier {

  /** Copies rows {@code [from, from + count)} of {@code in} to rows {@code [to, to + count)} of {@code out}. */
  void copy(ColumnVector in, int from, io.copyjob.data.ColumnVector out, int to, int count);

  /** The copier for a column of copyjob type {@code type} (as {@link OrcTypeMapping} mapped its ORC type). */
  static OrcColumnCopier forType(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN:
        return (in, from, out, to, count) -> {
          long[] v = ((LongColumnVector) in).vector;
          BooleanVector o = (BooleanVector) out;
          for (int k = 0; k < count; k++) {
            int i = in.isRepeating ? 0 : from + k;
            if (in.noNulls || !in.isNull[i]) {
              o.set(to + k, v[i] != 0);
            } else {
              o.setNull(to + k);
            }
          }
        };
      case INT8: case INT16: case INT32: case INT64: case DATE:
        // DATE: ORC's epoch days, proleptic because the reader converts hybrid-calendar files.
        return (in, from, out, to, count) -> {
          long[] v = ((LongColumnVector) in).vector;
          LongVector o = (LongVector) out;
          for (int k = 0; k < count; k++) {
            int i = in.isRepeating ? 0 : from + k;
            if (in.noNulls || !in.isNull[i]) {
              o.set(to + k, v[i]);
            } else {
              o.setNull(to + k);
            }
          }
        };
      case FLOAT32: case FLOAT64:
        return (in, from, out, to, count) -> {
          double[] v = ((DoubleColumnVector) in).vector;
          DoubleVector o = (DoubleVector) out;
          for (int k = 0; k < count; k++) {
            int i = in.isRepeating ? 0 : from + k;
            if (in.noNulls || !in.isNull[i]) {
              o.set(to + k, v[i]);
            } else {
              o.setNull(to + k);
            }
          }
        };
      case TIMESTAMP: case TIMESTAMP_TZ:
        return (in, from, out, to, count) -> {
          TimestampColumnVector t = (TimestampColumnVector) in;
          TimestampVector o = (TimestampVector) out;
          for (int k = 0; k < count; k++) {
            int i = in.isRepeating ? 0 : from + k;
            if (in.noNulls || !in.isNull[i]) {
              o.setEpochSecond(to + k, OrcValues.epochSecond(t, i), t.nanos[i]);
            } else {
              o.setNull(to + k);
            }
          }
        };
      case DECIMAL: {
        int scale = type.scale();
        return objects((in, i) -> OrcValues.decimal((DecimalColumnVector) in, i, scale));
      }
      case STRING:
        return objects((in, i) -> OrcValues.string((BytesColumnVector) in, i));
      case BINARY:
        return objects((in, i) -> OrcValues.bytes((BytesColumnVector) in, i));
      default: {
        OrcValues.ValueReader nested = OrcValues.forType(type);
        return (in, from, out, to, count) -> {
          ObjectVector o = (ObjectVector) out;
          for (int k = 0; k < count; k++) {
            o.setObject(to + k, nested.read(in, from + k));
          }
        };
      }
    }
  }

  /** A copier into an {@link ObjectVector} of the values {@code value} makes from non-null rows. */
  private static OrcColumnCopier objects(OrcValues.ValueReader value) {
    return (in, from, out, to, count) -> {
      ObjectVector o = (ObjectVector) out;
      for (int k = 0; k < count; k++) {
        int i = in.isRepeating ? 0 : from + k;
        if (in.noNulls || !in.isNull[i]) {
          o.set(to + k, value.read(in, i));
        } else {
          o.setNull(to + k);
        }
      }
    };
  }
}
