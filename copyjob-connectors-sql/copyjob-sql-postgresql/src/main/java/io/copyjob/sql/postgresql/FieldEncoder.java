package io.copyjob.sql.postgresql;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TimestampVector;
import io.copyjob.data.TypeId;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Encodes one non-null value as a binary COPY field (length and bytes) in the binary form of the
 * <em>destination column's</em> type: binary COPY has no conversions, so an INT32 going into a bigint column
 * must be sent as 8 bytes. Chosen once per column by {@link #binary(LogicalType, PgType)}.
 */
interface FieldEncoder {

  void encode(ColumnVector vector, int row, CopyOutput out) throws IOException;

  /**
   * The encoder of {@code source} values into a {@code dest} column, or null when the value needs
   * PostgreSQL's text parser (a STRING into a numeric, date, uuid, enum column...), which the text COPY format
   * provides.
   */
  static FieldEncoder binary(LogicalType source, PgType dest) {
    TypeId s = source.id();
    if (dest.isText()) {
      return s == TypeId.STRING || s == TypeId.JSON
          ? (v, row, out) -> out.writeUtf8Field(((ObjectVector) v).getString(row))
          : (v, row, out) -> out.writeUtf8Field(PgText.render(v, row));
    }
    switch (dest.oid()) {
      case PgType.BOOL:
        return s == TypeId.BOOLEAN ? (v, row, out) -> {
          out.writeInt(1);
          out.writeByte(((BooleanVector) v).get(row) ? 1 : 0);
        } : null;
      case PgType.INT2: return source.isInteger() ? FieldEncoder::int2 : null;
      case PgType.INT4: return source.isInteger() ? FieldEncoder::int4 : null;
      case PgType.INT8: return source.isInteger() ? (v, row, out) -> out.writeLongField(((LongVector) v).get(row)) : null;
      case PgType.FLOAT4:
        if (s == TypeId.FLOAT32 || s == TypeId.FLOAT64) {
          return (v, row, out) -> out.writeIntField(Float.floatToIntBits((float) ((DoubleVector) v).get(row)));
        }
        return source.isInteger() ? (v, row, out) -> out.writeIntField(Float.floatToIntBits(((LongVector) v).get(row))) : null;
      case PgType.FLOAT8:
        if (s == TypeId.FLOAT32 || s == TypeId.FLOAT64) {
          return (v, row, out) -> out.writeLongField(Double.doubleToLongBits(((DoubleVector) v).get(row)));
        }
        return source.isInteger() ? (v, row, out) -> out.writeLongField(Double.doubleToLongBits(((LongVector) v).get(row))) : null;
      case PgType.NUMERIC:
        if (s == TypeId.DECIMAL) {
          return (v, row, out) -> PgNumeric.write(PgText.checkScale(((ObjectVector) v).getDecimal(row), dest), out);
        }
        return source.isInteger() ? (v, row, out) -> PgNumeric.write(BigDecimal.valueOf(((LongVector) v).get(row)), out) : null;
      case PgType.JSON:
        return s == TypeId.STRING || s == TypeId.JSON ? (v, row, out) -> out.writeUtf8Field(((ObjectVector) v).getString(row)) : null;
      case PgType.JSONB:
        if (s == TypeId.STRING || s == TypeId.JSON) {
          return (v, row, out) -> out.writeVersionedUtf8Field(1, ((ObjectVector) v).getString(row));
        }
        return source.isNested() ? (v, row, out) -> out.writeVersionedUtf8Field(1, JsonText.render(v.getObject(row))) : null;
      case PgType.BYTEA:
        if (s == TypeId.BINARY) {
          return (v, row, out) -> bytes(((ObjectVector) v).getBytes(row), out);
        }
        return s == TypeId.STRING ? (v, row, out) -> bytes(PgText.base64(((ObjectVector) v).getString(row)), out) : null;
      case PgType.UUID:
        return s == TypeId.UUID ? (v, row, out) -> {
          UUID u = (UUID) ((ObjectVector) v).get(row);
          out.writeInt(16);
          out.writeLong(u.getMostSignificantBits());
          out.writeLong(u.getLeastSignificantBits());
        } : null;
      case PgType.DATE:
        return s == TypeId.DATE ? FieldEncoder::date : null;
      case PgType.TIME:
        return s == TypeId.TIME ? time(dest.timePrecision()) : null;
      case PgType.TIMESTAMP: case PgType.TIMESTAMPTZ:
        // a TIMESTAMP going into timestamptz (or the reverse) is taken as UTC; PostgreSQL's session time zone
        // would make the result depend on the machine
        return source.isTimestamp() ? timestamp(dest.timePrecision()) : null;
      default:
        return null;
    }
  }

  private static void int2(ColumnVector v, int row, CopyOutput out) throws IOException {
    long x = ((LongVector) v).get(row);
    if (x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
      throw new BadValueException("the value " + x + " is out of range for smallint");
    }
    out.writeInt(2);
    out.writeShort((int) x);
  }

  private static void int4(ColumnVector v, int row, CopyOutput out) throws IOException {
    long x = ((LongVector) v).get(row);
    if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
      throw new BadValueException("the value " + x + " is out of range for integer");
    }
    out.writeIntField((int) x);
  }

  private static void bytes(byte[] b, CopyOutput out) throws IOException {
    out.writeInt(b.length);
    out.writeBytes(b, 0, b.length);
  }

  private static void date(ColumnVector v, int row, CopyOutput out) throws IOException {
    long days = ((LongVector) v).get(row) - PgTime.EPOCH_DAY_2000;
    if (days <= Integer.MIN_VALUE || days >= Integer.MAX_VALUE) {
      throw new BadValueException("the date is out of PostgreSQL's range");
    }
    out.writeIntField((int) days);
  }

  /**
   * Microseconds of the day; sub-microsecond digits are truncated (PostgreSQL keeps 6). Into a time(p) of fewer
   * digits, a value that would be rounded fails instead: the server rounds binary input to the column's
   * precision, which can carry a value up to the next second, or to 24:00:00.
   */
  private static FieldEncoder time(int destPrecision) {
    if (destPrecision >= 6) {
      return (v, row, out) -> out.writeLongField(((LongVector) v).get(row) / 1000);
    }
    long unit = (long) Math.pow(10, 6 - destPrecision);
    return (v, row, out) -> {
      long micros = ((LongVector) v).get(row) / 1000;
      if (micros % unit != 0) {
        throw new BadValueException("the time has more fractional digits than the column's precision "
            + destPrecision + " keeps; it would be rounded");
      }
      out.writeLongField(micros);
    };
  }

  /**
   * Microseconds since 2000; sub-microsecond digits are truncated (PostgreSQL keeps 6). Into a column of fewer
   * digits, a value that would be rounded fails instead.
   */
  private static FieldEncoder timestamp(int destPrecision) {
    if (destPrecision >= 6) {
      return (v, row, out) -> out.writeLongField(((TimestampVector) v).getMicros(row) - PgTime.EPOCH_MICROS_2000);
    }
    long unit = (long) Math.pow(10, 6 - destPrecision);
    return (v, row, out) -> {
      long micros = ((TimestampVector) v).getMicros(row);
      if (Math.floorMod(micros, unit) != 0) {
        throw new BadValueException("the timestamp has more fractional digits than the column's precision "
            + destPrecision + " keeps; it would be rounded");
      }
      out.writeLongField(micros - PgTime.EPOCH_MICROS_2000);
    };
  }
}
