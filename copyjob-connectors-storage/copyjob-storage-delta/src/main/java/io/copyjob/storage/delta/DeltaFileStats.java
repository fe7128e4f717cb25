package io.copyjob.storage.delta;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;

/**
 * The Delta statistics of a data file (row count, and per column minimum, maximum and null count), taken from the
 * column statistics parquet-java wrote into the file's footer: Kernel skips files by them (incremental reads,
 * upsert key lookups). A column whose statistics are missing or unusable gets none, which only means its files
 * are never skipped. Strings longer than {@value #MAX_STRING_STAT} characters get no minimum and maximum, as
 * Delta truncates them and a truncated maximum would be wrong.
 */
final class DeltaFileStats {
  static final int MAX_STRING_STAT = 32;

  private DeltaFileStats() {
  }

  static DataFileStatistics of(ParquetMetadata footer, StructType schema) {
    long rows = 0;
    Map<String, Statistics<?>> merged = new HashMap<>();
    boolean[] unusable = new boolean[schema.length()];
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
      for (ColumnChunkMetaData chunk : block.getColumns()) {
        String name = chunk.getPath().toDotString();
        Statistics<?> s = chunk.getStatistics();
        int index = schema.indexOf(name);
        if (index < 0) {
          continue;
        }
        if (s == null || s.isEmpty()) {
          unusable[index] = true;
          continue;
        }
        Statistics<?> m = merged.get(name);
        if (m == null) {
          merged.put(name, s.copy());
        } else {
          m.mergeStatistics(s);
        }
      }
    }
    Map<Column, Literal> min = new HashMap<>();
    Map<Column, Literal> max = new HashMap<>();
    Map<Column, Long> nulls = new HashMap<>();
    for (int i = 0; i < schema.length(); i++) {
      StructField f = schema.at(i);
      Statistics<?> s = merged.get(f.getName());
      if (s == null || unusable[i]) {
        continue;
      }
      Column column = new Column(f.getName());
      if (s.isNumNullsSet()) {
        nulls.put(column, s.getNumNulls());
      }
      if (s.hasNonNullValue()) {
        Literal lo = literal(f.getDataType(), s.genericGetMin());
        Literal hi = literal(f.getDataType(), s.genericGetMax());
        if (lo != null && hi != null) {
          min.put(column, lo);
          max.put(column, hi);
        }
      }
    }
    return new DataFileStatistics(rows, min, max, nulls, Optional.empty());
  }

  private static Literal literal(DataType type, Object v) {
    if (type instanceof ByteType) {
      return Literal.ofByte(((Number) v).byteValue());
    } else if (type instanceof ShortType) {
      return Literal.ofShort(((Number) v).shortValue());
    } else if (type instanceof IntegerType) {
      return Literal.ofInt(((Number) v).intValue());
    } else if (type instanceof LongType) {
      return Literal.ofLong(((Number) v).longValue());
    } else if (type instanceof FloatType) {
      float f = ((Number) v).floatValue();
      return Float.isNaN(f) ? null : Literal.ofFloat(f);
    } else if (type instanceof DoubleType) {
      double d = ((Number) v).doubleValue();
      return Double.isNaN(d) ? null : Literal.ofDouble(d);
    } else if (type instanceof DecimalType d) {
      BigInteger unscaled = v instanceof Binary b ? new BigInteger(b.getBytes()) : BigInteger.valueOf(((Number) v).longValue());
      return Literal.ofDecimal(new BigDecimal(unscaled, d.getScale()), d.getPrecision(), d.getScale());
    } else if (type instanceof StringType) {
      String s = ((Binary) v).toStringUsingUTF8();
      return s.length() > MAX_STRING_STAT ? null : Literal.ofString(s);
    } else if (type instanceof DateType) {
      return Literal.ofDate(((Number) v).intValue());
    } else if (type instanceof TimestampType) {
      return Literal.ofTimestamp(((Number) v).longValue());
    } else if (type instanceof TimestampNTZType) {
      return Literal.ofTimestampNtz(((Number) v).longValue());
    }
    return null; // boolean, binary: Delta keeps no bounds for them
  }
}
