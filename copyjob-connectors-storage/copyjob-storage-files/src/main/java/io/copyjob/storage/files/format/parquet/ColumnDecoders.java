package io.copyjob.storage.files.format.parquet;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TimestampVector;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.UUID;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Turns the current value of a Parquet column reader into a vector value, chosen once per column from the
 * column's physical type and annotation (the reading half of {@link ParquetTypeMapping}).
 */
final class ColumnDecoders {
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private ColumnDecoders() {
  }

  /** Reads the reader's current (non-null) value into {@code row} of the vector. */
  @FunctionalInterface
  interface Decoder {
    void decode(ColumnReader in, ColumnVector out, int row);
  }

  /** The decoder for a column of Parquet type {@code p} read as {@code type}. */
  static Decoder forColumn(PrimitiveType p, LogicalType type) {
    PrimitiveTypeName physical = p.getPrimitiveTypeName();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (type.id()) {
      case BOOLEAN:
        return (in, v, r) -> ((BooleanVector) v).set(r, in.getBoolean());
      case INT8: case INT16: case INT32: case INT64: case DATE:
        if (physical == PrimitiveTypeName.INT64) {
          return (in, v, r) -> ((LongVector) v).set(r, in.getLong());
        }
        if (a instanceof IntLogicalTypeAnnotation i && !i.isSigned() && i.getBitWidth() == 32) {
          return (in, v, r) -> ((LongVector) v).set(r, Integer.toUnsignedLong(in.getInteger()));
        }
        return (in, v, r) -> ((LongVector) v).set(r, in.getInteger());
      case FLOAT32:
        return (in, v, r) -> ((DoubleVector) v).set(r, in.getFloat());
      case FLOAT64:
        return (in, v, r) -> ((DoubleVector) v).set(r, in.getDouble());
      case DECIMAL:
        return decimal(p, type.scale());
      case STRING: case JSON:
        return (in, v, r) -> ((ObjectVector) v).set(r, in.getBinary().toStringUsingUTF8());
      case BINARY:
        // A copy: dictionary-encoded pages hand out the same Binary for many rows.
        return (in, v, r) -> ((ObjectVector) v).set(r, in.getBinary().getBytes().clone());
      case UUID:
        return (in, v, r) -> ((ObjectVector) v).set(r, uuid(in.getBinary()));
      case TIME: {
        TimeUnit unit = ((LogicalTypeAnnotation.TimeLogicalTypeAnnotation) a).getUnit();
        if (unit == TimeUnit.MILLIS) {
          return (in, v, r) -> ((LongVector) v).set(r, in.getInteger() * 1_000_000L);
        }
        long factor = unit == TimeUnit.MICROS ? 1000L : 1L;
        return (in, v, r) -> ((LongVector) v).set(r, in.getLong() * factor);
      }
      case TIMESTAMP: case TIMESTAMP_TZ:
        return timestamp(p);
      default:
        throw new IllegalArgumentException("no Parquet decoder for " + type);
    }
  }

  private static Decoder decimal(PrimitiveType p, int scale) {
    switch (p.getPrimitiveTypeName()) {
      case INT32:
        return (in, v, r) -> ((ObjectVector) v).set(r, BigDecimal.valueOf(in.getInteger(), scale));
      case INT64:
        if (p.getLogicalTypeAnnotation() instanceof IntLogicalTypeAnnotation) {
          // UINT64: the bits are an unsigned number.
          return (in, v, r) -> ((ObjectVector) v).set(r, new BigDecimal(Long.toUnsignedString(in.getLong())));
        }
        return (in, v, r) -> ((ObjectVector) v).set(r, BigDecimal.valueOf(in.getLong(), scale));
      default:
        return (in, v, r) -> ((ObjectVector) v).set(r, new BigDecimal(new BigInteger(in.getBinary().getBytes()), scale));
    }
  }

  private static Decoder timestamp(PrimitiveType p) {
    if (p.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
      return (in, v, r) -> {
        // Legacy Impala/Spark layout: 8 bytes nanosecond of day, then 4 bytes Julian day, little-endian.
        byte[] b = in.getBinary().getBytes();
        long nanosOfDay = 0;
        for (int i = 7; i >= 0; i--) {
          nanosOfDay = (nanosOfDay << 8) | (b[i] & 0xff);
        }
        long julian = (b[8] & 0xffL) | (b[9] & 0xffL) << 8 | (b[10] & 0xffL) << 16 | (long) b[11] << 24;
        long epochDay = julian - JULIAN_EPOCH_DAY;
        long micros = epochDay * 86_400_000_000L + Math.floorDiv(Math.floorMod(nanosOfDay, NANOS_PER_DAY), 1000L);
        ((TimestampVector) v).set(r, micros, (int) (nanosOfDay % 1000));
      };
    }
    TimeUnit unit = ((LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) p.getLogicalTypeAnnotation()).getUnit();
    switch (unit) {
      case MILLIS:
        return (in, v, r) -> ((TimestampVector) v).setMicros(r, Math.multiplyExact(in.getLong(), 1000L));
      case MICROS:
        return (in, v, r) -> ((TimestampVector) v).setMicros(r, in.getLong());
      default:
        return (in, v, r) -> {
          long nanos = in.getLong();
          ((TimestampVector) v).set(r, Math.floorDiv(nanos, 1000L), (int) Math.floorMod(nanos, 1000L));
        };
    }
  }

  private static UUID uuid(Binary binary) {
    byte[] b = binary.getBytes();
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(hi, lo);
  }
}
