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
 * numbers, booleans, dates and timestamps go from ORC's primitive arrays into copyjob's typed setters without
 * boxing; text, binary and decimals become their Java objects; LIST, MAP and STRUCT values are built by
 * {@link OrcValues}.
 */
final class OrcColumnCopier {
  /** Copies the non-null value at index {@code i} of an ORC vector into {@code row} of a copyjob vector. */
  @FunctionalInterface
  private interface ValueCopier {
    void copy(ColumnVector in, int i, io.copyjob.data.ColumnVector out, int row);
  }

  private final ValueCopier value;

  private OrcColumnCopier(ValueCopier value) {
    this.value = value;
  }

  /** The copier for a column of copyjob type {@code type} (as {@link OrcTypeMapping} mapped its ORC type). */
  static OrcColumnCopier forType(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN:
        return new OrcColumnCopier((in, i, out, r) ->
            ((BooleanVector) out).set(r, ((LongColumnVector) in).vector[i] != 0));
      case INT8: case INT16: case INT32: case INT64: case DATE:
        // DATE: ORC's epoch days, proleptic because the reader converts hybrid-calendar files.
        return new OrcColumnCopier((in, i, out, r) -> ((LongVector) out).set(r, ((LongColumnVector) in).vector[i]));
      case FLOAT32: case FLOAT64:
        return new OrcColumnCopier((in, i, out, r) ->
            ((DoubleVector) out).set(r, ((DoubleColumnVector) in).vector[i]));
      case TIMESTAMP: case TIMESTAMP_TZ:
        return new OrcColumnCopier((in, i, out, r) -> ((TimestampVector) out).setEpochSecond(r,
            OrcValues.epochSecond((TimestampColumnVector) in, i), ((TimestampColumnVector) in).nanos[i]));
      case DECIMAL: {
        int scale = type.scale();
        return objects((in, i) -> OrcValues.decimal((DecimalColumnVector) in, i, scale));
      }
      case STRING:
        return objects((in, i) -> OrcValues.string((BytesColumnVector) in, i));
      case BINARY:
        return objects((in, i) -> OrcValues.bytes((BytesColumnVector) in, i));
      default:
        return objects(OrcValues.forType(type));
    }
  }

  private static OrcColumnCopier objects(OrcValues.ValueReader reader) {
    return new OrcColumnCopier((in, i, out, r) -> ((ObjectVector) out).set(r, reader.read(in, i)));
  }

  /** Copies rows {@code [from, from + count)} of {@code in} to rows {@code [to, to + count)} of {@code out}. */
  void copy(ColumnVector in, int from, io.copyjob.data.ColumnVector out, int to, int count) {
    for (int k = 0; k < count; k++) {
      int i = in.isRepeating ? 0 : from + k;
      if (in.noNulls || !in.isNull[i]) {
        value.copy(in, i, out, to + k);
      } else {
        out.setNull(to + k);
      }
    }
  }
}
