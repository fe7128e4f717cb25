package io.copyjob.storage.files.format.declared;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TextValues;
import io.copyjob.data.TimestampVector;
import io.copyjob.data.TypeId;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts a non-NULL value of a typed vector (a Parquet or ORC column) into a declared column, with COPY
 * INTO's semantics: integers, decimals and timestamps directly (range checked, extra digits truncated), any
 * other pair through the value's text ({@link TextValues}, nested values as JSON) and the column's
 * {@link ValueParser}. The same type passes through untouched.
 */
final class VectorConversions {
  private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
      100_000_000L, 1_000_000_000L};

  private VectorConversions() {
  }

  /** Puts row {@code r} of {@code from} (not NULL) into row {@code row} of {@code to}; throws {@link BadValue}. */
  interface Conversion {
    void apply(ColumnVector from, int r, ColumnVector to, int row);
  }

  /** The conversion from {@code source} values into {@code parser}'s column. */
  static Conversion of(LogicalType source, ValueParser parser) {
    LogicalType target = parser.column().type();
    if (source.equals(target)) {
      return (from, r, to, row) -> to.copyFrom(from, r, row);
    }
    if (source.isInteger() && target.isInteger()) {
      long min = target.id() == TypeId.INT8 ? Byte.MIN_VALUE : target.id() == TypeId.INT16 ? Short.MIN_VALUE
          : target.id() == TypeId.INT32 ? Integer.MIN_VALUE : Long.MIN_VALUE;
      long max = -(min + 1);
      return (from, r, to, row) -> {
        long v = ((LongVector) from).get(r);
        if (v < min || v > max) {
          throw new BadValue("value " + v + " is out of range for " + target);
        }
        ((LongVector) to).set(row, v);
      };
    }
    if (target.id() == TypeId.DECIMAL && (source.id() == TypeId.DECIMAL || source.isInteger())) {
      int integerDigits = target.precision() - target.scale();
      return (from, r, to, row) -> {
        BigDecimal v = source.id() == TypeId.DECIMAL ? ((ObjectVector) from).getDecimal(r)
            : BigDecimal.valueOf(((LongVector) from).get(r));
        BigDecimal cut = v.setScale(target.scale(), RoundingMode.DOWN);
        if (cut.signum() != 0 && cut.precision() - cut.scale() > integerDigits) {
          throw new BadValue("value " + v.toPlainString() + " overflows " + target);
        }
        ((ObjectVector) to).set(row, cut);
      };
    }
    if (source.isTimestamp() && source.id() == target.id()) {
      long unit = POW10[LogicalType.MAX_TIME_PRECISION - target.precision()];
      return (from, r, to, row) -> {
        TimestampVector t = (TimestampVector) from;
        int nanos = t.nanoOfSecond(r);
        ((TimestampVector) to).setEpochSecond(row, t.epochSecond(r), (int) (nanos - nanos % unit));
      };
    }
    TextValues.Encoder encoder = source.isNested() ? JsonValues::encode : TextValues.encoder(source);
    return (from, r, to, row) -> parser.parse(encoder.encode(from, r), to, row);
  }
}
