package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
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
import java.math.RoundingMode;
import java.util.UUID;

/**
 * Decodes one non-null field of a binary COPY row into a vector. One implementation per PostgreSQL type,
 * chosen once per column; numbers, booleans, dates and timestamps go into primitive vectors without boxing.
 */
interface FieldDecoder {

  /** Reads a value of {@code length} bytes from {@code in} into {@code row} of {@code vector}. */
  void decode(CopyInput in, int length, ColumnVector vector, int row) throws IOException;

  /**
   * The decoder for a column of PostgreSQL type {@code type} read as {@code wanted}; a column read through
   * {@code ::text} arrives as text and gets the text decoder.
   */
  static FieldDecoder forColumn(String column, PgType type, LogicalType wanted, boolean readAsText) {
    if (readAsText) {
      return FieldDecoder::text;
    }
    LogicalType natural = PostgresTypeMapping.toLogical(type);
    if (natural.id() != wanted.id()) {
      throw CopyJobException.builder(ErrorCode.UNSUPPORTED_CONVERSION, "a PostgreSQL " + type.sqlName()
          + " column cannot be read as " + wanted + "; read it as " + natural + " or STRING").column(column).build();
    }
    switch (type.oid()) {
      case PgType.BOOL: return (in, len, v, row) -> ((BooleanVector) v).set(row, in.readByte() != 0);
      case PgType.INT2: return (in, len, v, row) -> ((LongVector) v).set(row, in.readShort());
      case PgType.INT4: return (in, len, v, row) -> ((LongVector) v).set(row, in.readInt());
      case PgType.INT8: return (in, len, v, row) -> ((LongVector) v).set(row, in.readLong());
      case PgType.FLOAT4: return (in, len, v, row) -> ((DoubleVector) v).set(row, Float.intBitsToFloat(in.readInt()));
      case PgType.FLOAT8: return (in, len, v, row) -> ((DoubleVector) v).set(row, Double.longBitsToDouble(in.readLong()));
      case PgType.NUMERIC: return type.numericPrecision() < 0 ? FieldDecoder::unconstrainedNumeric : FieldDecoder::numeric;
      case PgType.BYTEA: return (in, len, v, row) -> ((ObjectVector) v).set(row, in.readBytes(len));
      case PgType.UUID: return (in, len, v, row) -> ((ObjectVector) v).set(row, new UUID(in.readLong(), in.readLong()));
      case PgType.JSONB: return FieldDecoder::jsonb;
      case PgType.DATE: return FieldDecoder::date;
      case PgType.TIME: return (in, len, v, row) -> ((LongVector) v).set(row, in.readLong() * 1000);
      case PgType.TIMESTAMP: case PgType.TIMESTAMPTZ: return FieldDecoder::timestamp;
      default: return FieldDecoder::text; // text, varchar, char(n), name, citext, json: UTF-8 text
    }
  }

  private static void text(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    ((ObjectVector) v).set(row, in.readUtf8(len));
  }

  private static void jsonb(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    byte version = in.readByte();
    if (version != 1) {
      in.skip(len - 1);
      throw new BadValueException("unknown jsonb binary version " + version);
    }
    ((ObjectVector) v).set(row, in.readUtf8(len - 1));
  }

  private static void numeric(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    ((ObjectVector) v).set(row, readNumeric(in));
  }

  /**
   * An unconstrained numeric is read as DECIMAL(38,18); a value that does not fit fails rather than being
   * rounded. Trailing zeros beyond 18 decimals are dropped, which does not change the value.
   */
  private static void unconstrainedNumeric(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    BigDecimal d = readNumeric(in);
    LogicalType t = PostgresTypeMapping.UNCONSTRAINED_NUMERIC;
    if (d.scale() > t.scale()) {
      try {
        d = d.setScale(t.scale(), RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new BadValueException("the numeric value " + d.toPlainString() + " has more than " + t.scale()
            + " decimal places; an unconstrained numeric is read as " + t + ". Declare the column numeric(p,s), or read it as STRING");
      }
    }
    if (d.precision() - d.scale() > t.precision() - t.scale()) {
      throw new BadValueException("the numeric value " + d.toPlainString() + " has more than "
          + (t.precision() - t.scale()) + " digits before the point; an unconstrained numeric is read as " + t
          + ". Declare the column numeric(p,s), or read it as STRING");
    }
    ((ObjectVector) v).set(row, d);
  }

  private static BigDecimal readNumeric(CopyInput in) throws IOException {
    try {
      return PgNumeric.read(in);
    } catch (PgNumeric.NotANumberException e) {
      throw new BadValueException("the numeric value " + e.getMessage() + " has no decimal form");
    }
  }

  private static void date(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    int days = in.readInt();
    if (PgTime.isInfiniteDate(days)) {
      throw new BadValueException("the date " + PgTime.infinityName(days > 0) + " cannot be copied");
    }
    ((LongVector) v).set(row, (long) days + PgTime.EPOCH_DAY_2000);
  }

  private static void timestamp(CopyInput in, int len, ColumnVector v, int row) throws IOException {
    long micros = in.readLong();
    if (PgTime.isInfiniteTimestamp(micros)) {
      throw new BadValueException("the timestamp " + PgTime.infinityName(micros > 0) + " cannot be copied");
    }
    ((TimestampVector) v).setMicros(row, micros + PgTime.EPOCH_MICROS_2000);
  }

  /** Whether a column of {@code type} read as {@code wanted} goes through {@code ::text}. */
  static boolean readsAsText(PgType type, LogicalType wanted) {
    return PostgresTypeMapping.readsAsText(type)
        || (wanted.id() == TypeId.STRING && PostgresTypeMapping.toLogical(type).id() != TypeId.STRING);
  }
}
