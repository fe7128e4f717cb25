package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;

/**
 * The one mapping between PostgreSQL column types and copyjob logical types, both ways.
 *
 * <p>Reading ({@link #toLogical(PgType)}):
 * <ul>
 *   <li>bool, int2/int4/int8, float4/float8, bytea, uuid, date: the obvious types.</li>
 *   <li>numeric(p,s) with p &le; 38 and 0 &le; s &le; p: DECIMAL(p,s). Unconstrained numeric: DECIMAL(38,18)
 *       ({@link #UNCONSTRAINED_NUMERIC}); a value with more than 18 fractional digits or more than 20 integer
 *       digits fails the read with CONVERSION_FAILED naming column and row; it is never rounded. numeric(p,s)
 *       with p &gt; 38 or a negative scale: STRING (the exact text), since no DECIMAL holds it.</li>
 *   <li>text, citext: STRING; varchar(n), char(n): STRING(n) (char(n) values keep their padding); name:
 *       STRING(63).</li>
 *   <li>json, jsonb: JSON. time(p), timestamp(p), timestamptz(p): TIME(p), TIMESTAMP(p), TIMESTAMP_TZ(p).</li>
 *   <li>Everything else (interval, arrays, enums, ranges, geometric, network, xml, money, bit, timetz, ...):
 *       STRING, read as the server's text form ({@code col::text}), see {@link #readsAsText(PgType)}.</li>
 * </ul>
 *
 * <p>Writing ({@link #toSql(LogicalType)}): INT8 and INT16 become smallint (PostgreSQL has no one-byte
 * integer), STRING(n) varchar(n), STRING text, BINARY bytea, JSON jsonb, LIST/MAP/STRUCT jsonb. TIME, TIMESTAMP
 * and TIMESTAMP_TZ of precision above 6 become precision 6, the most PostgreSQL stores: the digits below the
 * microsecond are truncated by the sink (never rounded up, which could move a value into the next second).
 */
public final class PostgresTypeMapping {
  /** What an unconstrained numeric reads as. */
  public static final LogicalType UNCONSTRAINED_NUMERIC = LogicalType.decimal(38, 18);
  /** Longest name PostgreSQL keeps (NAMEDATALEN - 1). */
  private static final int NAME_LENGTH = 63;
  /** Most fractional-second digits PostgreSQL stores. */
  public static final int MAX_TIME_PRECISION = 6;

  private PostgresTypeMapping() {
  }

  /** The logical type values of {@code type} are read as. */
  public static LogicalType toLogical(PgType type) {
    switch (type.oid()) {
      case PgType.BOOL: return LogicalType.bool();
      case PgType.INT2: return LogicalType.int16();
      case PgType.INT4: return LogicalType.int32();
      case PgType.INT8: return LogicalType.int64();
      case PgType.FLOAT4: return LogicalType.float32();
      case PgType.FLOAT8: return LogicalType.float64();
      case PgType.NUMERIC: return numeric(type);
      case PgType.TEXT: return LogicalType.string();
      case PgType.VARCHAR: case PgType.BPCHAR: return LogicalType.string(type.maxLength() > 0 ? type.maxLength() : LogicalType.UNBOUNDED);
      case PgType.NAME: return LogicalType.string(NAME_LENGTH);
      case PgType.BYTEA: return LogicalType.binary();
      case PgType.UUID: return LogicalType.uuid();
      case PgType.JSON: case PgType.JSONB: return LogicalType.json();
      case PgType.DATE: return LogicalType.date();
      case PgType.TIME: return LogicalType.time(type.timePrecision());
      case PgType.TIMESTAMP: return LogicalType.timestamp(type.timePrecision());
      case PgType.TIMESTAMPTZ: return LogicalType.timestampTz(type.timePrecision());
      default: return LogicalType.string();
    }
  }

  /** True when values of {@code type} are read through {@code col::text} because no binary decoder fits. */
  public static boolean readsAsText(PgType type) {
    switch (type.oid()) {
      case PgType.BOOL: case PgType.INT2: case PgType.INT4: case PgType.INT8: case PgType.FLOAT4: case PgType.FLOAT8:
      case PgType.TEXT: case PgType.VARCHAR: case PgType.BPCHAR: case PgType.NAME: case PgType.BYTEA: case PgType.UUID:
      case PgType.JSON: case PgType.JSONB: case PgType.DATE: case PgType.TIME: case PgType.TIMESTAMP:
      case PgType.TIMESTAMPTZ:
        return false;
      case PgType.NUMERIC:
        return toLogical(type).id() != io.copyjob.data.TypeId.DECIMAL;
      default:
        return !type.isText();
    }
  }

  private static LogicalType numeric(PgType type) {
    int p = type.numericPrecision();
    int s = type.numericScale();
    if (p < 0) {
      return UNCONSTRAINED_NUMERIC;
    }
    if (p > LogicalType.MAX_DECIMAL_PRECISION || s < 0 || s > p) {
      return LogicalType.string();
    }
    return LogicalType.decimal(p, s);
  }

  /** The PostgreSQL type to declare for values of {@code type}. */
  public static String toSql(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN: return "boolean";
      case INT8: case INT16: return "smallint";
      case INT32: return "integer";
      case INT64: return "bigint";
      case FLOAT32: return "real";
      case FLOAT64: return "double precision";
      case DECIMAL: return "numeric(" + type.precision() + "," + type.scale() + ")";
      case STRING: return type.length() == LogicalType.UNBOUNDED ? "text" : "varchar(" + type.length() + ")";
      case BINARY: return "bytea";
      case UUID: return "uuid";
      case JSON: case LIST: case MAP: case STRUCT: return "jsonb";
      case DATE: return "date";
      case TIME: return "time(" + Math.min(type.precision(), MAX_TIME_PRECISION) + ")";
      case TIMESTAMP: return "timestamp(" + Math.min(type.precision(), MAX_TIME_PRECISION) + ")";
      case TIMESTAMP_TZ: return "timestamptz(" + Math.min(type.precision(), MAX_TIME_PRECISION) + ")";
      default: throw CopyJobException.of(ErrorCode.UNSUPPORTED_CONVERSION, "PostgreSQL has no column type for " + type);
    }
  }
}
