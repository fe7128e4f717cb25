package io.copyjob.sql.sqlserver;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import java.sql.Types;

/**
 * The one mapping between SQL Server column types and copyjob logical types, both ways.
 *
 * <p>Reading ({@link #toLogical(SqlServerType)}):
 * <ul>
 *   <li>bit BOOLEAN; tinyint INT16 (it is unsigned 0..255, no INT8 holds it); smallint INT16; int INT32;
 *       bigint INT64; real FLOAT32; float FLOAT64.</li>
 *   <li>decimal/numeric(p,s) DECIMAL(p,s); money DECIMAL(19,4); smallmoney DECIMAL(10,4).</li>
 *   <li>char/varchar/nchar/nvarchar(n) STRING(n); (max), text, ntext, xml STRING.</li>
 *   <li>binary/varbinary(n) BINARY(n); varbinary(max), image BINARY.</li>
 *   <li>uniqueidentifier UUID; date DATE; time(p) TIME(p); datetime2(p) TIMESTAMP(p) (datetime2(7) keeps its
 *       100 ns ticks: TIMESTAMP(7)); datetime TIMESTAMP(3); smalldatetime TIMESTAMP(0); datetimeoffset(p)
 *       TIMESTAMP_TZ(p): the instant is kept, the original offset is not (values are normalised to UTC).</li>
 *   <li>rowversion/timestamp INT64 (read as {@code CAST(col AS bigint)}, so it can drive an incremental copy).</li>
 *   <li>sql_variant, hierarchyid, geometry, geography and anything else: STRING, read as text
 *       ({@link #readExpression}).</li>
 * </ul>
 *
 * <p>Writing ({@link #toSql(LogicalType)}): BOOLEAN bit, INT8 and INT16 smallint, INT32 int, INT64 bigint,
 * FLOAT32 real, FLOAT64 float, DECIMAL(p,s) decimal(p,s), STRING(n) nvarchar(n) up to 4000 else nvarchar(max),
 * BINARY(n) varbinary(n) up to 8000 else varbinary(max), UUID uniqueidentifier, JSON/LIST/MAP/STRUCT
 * nvarchar(max), DATE date, TIME(p) time(p), TIMESTAMP(p) datetime2(p), TIMESTAMP_TZ(p) datetimeoffset(p), with
 * p capped at 7: digits below 100 ns are truncated (never rounded up).
 */
public final class SqlServerTypeMapping {
  /** Most fractional-second digits SQL Server stores (100 ns). */
  public static final int MAX_TIME_PRECISION = 7;
  /** Longest nvarchar(n); longer strings are nvarchar(max). */
  public static final int MAX_NVARCHAR = 4000;
  /** Longest varbinary(n); longer are varbinary(max). */
  public static final int MAX_VARBINARY = 8000;

  private SqlServerTypeMapping() {
  }

  /** The logical type values of {@code t} are read as. */
  public static LogicalType toLogical(SqlServerType t) {
    switch (t.name()) {
      case "bit": return LogicalType.bool();
      case "tinyint": case "smallint": return LogicalType.int16();
      case "int": return LogicalType.int32();
      case "bigint": case "timestamp": case "rowversion": return LogicalType.int64();
      case "real": return LogicalType.float32();
      case "float": return LogicalType.float64();
      case "decimal": case "numeric": return LogicalType.decimal(t.precision(), t.scale());
      case "money": return LogicalType.decimal(19, 4);
      case "smallmoney": return LogicalType.decimal(10, 4);
      case "char": case "varchar": case "nchar": case "nvarchar":
        return t.charLength() < 0 ? LogicalType.string() : LogicalType.string(t.charLength());
      case "binary": case "varbinary":
        return t.maxLength() < 0 ? LogicalType.binary() : LogicalType.binary(t.maxLength());
      case "image": return LogicalType.binary();
      case "uniqueidentifier": return LogicalType.uuid();
      case "date": return LogicalType.date();
      case "time": return LogicalType.time(t.scale());
      case "datetime2": return LogicalType.timestamp(t.scale());
      case "datetime": return LogicalType.timestamp(3);
      case "smalldatetime": return LogicalType.timestamp(0);
      case "datetimeoffset": return LogicalType.timestampTz(t.scale());
      default: return LogicalType.string(); // text, ntext, xml, sql_variant, hierarchyid, geometry, geography
    }
  }

  /** The SELECT expression that reads {@code quotedColumn} of type {@code t} in the form {@link #toLogical} promises. */
  public static String readExpression(String quotedColumn, SqlServerType t) {
    switch (t.name()) {
      case "timestamp": case "rowversion": return "CAST(" + quotedColumn + " AS bigint)";
      case "hierarchyid": case "geometry": case "geography": return quotedColumn + ".ToString()";
      case "xml": case "sql_variant": return "CONVERT(nvarchar(max), " + quotedColumn + ")";
      default: return quotedColumn;
    }
  }

  /** The SQL Server type to declare for values of {@code type}. */
  public static String toSql(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN: return "bit";
      case INT8: case INT16: return "smallint";
      case INT32: return "int";
      case INT64: return "bigint";
      case FLOAT32: return "real";
      case FLOAT64: return "float";
      case DECIMAL: return "decimal(" + type.precision() + "," + type.scale() + ")";
      case STRING:
        return type.length() == LogicalType.UNBOUNDED || type.length() > MAX_NVARCHAR ? "nvarchar(max)"
            : "nvarchar(" + type.length() + ")";
      case BINARY:
        return type.length() == LogicalType.UNBOUNDED || type.length() > MAX_VARBINARY ? "varbinary(max)"
            : "varbinary(" + type.length() + ")";
      case UUID: return "uniqueidentifier";
      case JSON: case LIST: case MAP: case STRUCT: return "nvarchar(max)";
      case DATE: return "date";
      case TIME: return "time(" + timePrecision(type) + ")";
      case TIMESTAMP: return "datetime2(" + timePrecision(type) + ")";
      case TIMESTAMP_TZ: return "datetimeoffset(" + timePrecision(type) + ")";
      default: throw CopyJobException.of(ErrorCode.UNSUPPORTED_CONVERSION, "SQL Server has no column type for " + type);
    }
  }

  /** Fractional-second digits stored for {@code type}: its precision capped at 7. */
  public static int timePrecision(LogicalType type) {
    return Math.min(type.precision(), MAX_TIME_PRECISION);
  }

  /**
   * The {@link java.sql.Types} code a bulk-copy source column of {@code type} declares; temporal values are handed
   * to the driver as ISO text with every digit, which it parses losslessly for any year from 0001 to 9999.
   */
  public static int bulkType(LogicalType type) {
    switch (type.id()) {
      case BOOLEAN: return Types.BIT;
      case INT8: case INT16: return Types.SMALLINT;
      case INT32: return Types.INTEGER;
      case INT64: return Types.BIGINT;
      case FLOAT32: return Types.REAL;
      case FLOAT64: return Types.DOUBLE;
      case DECIMAL: return Types.DECIMAL;
      case STRING: case JSON: case LIST: case MAP: case STRUCT:
        return type.length() != LogicalType.UNBOUNDED && type.length() <= MAX_NVARCHAR ? Types.NVARCHAR : Types.LONGNVARCHAR;
      case BINARY:
        return type.length() != LogicalType.UNBOUNDED && type.length() <= MAX_VARBINARY ? Types.VARBINARY : Types.LONGVARBINARY;
      case UUID: return microsoft.sql.Types.GUID;
      case DATE: return Types.DATE;
      case TIME: return Types.TIME;
      case TIMESTAMP: return Types.TIMESTAMP;
      case TIMESTAMP_TZ: return microsoft.sql.Types.DATETIMEOFFSET;
      default: throw CopyJobException.of(ErrorCode.UNSUPPORTED_CONVERSION, "SQL Server cannot bulk load " + type);
    }
  }

  /** Precision of a bulk-copy source column: digits, characters, bytes, or 27+p/34+p for temporals. */
  public static int bulkPrecision(LogicalType type) {
    switch (type.id()) {
      case DECIMAL: return type.precision();
      case STRING: case BINARY:
        return type.length() == LogicalType.UNBOUNDED ? Integer.MAX_VALUE : type.length();
      case JSON: case LIST: case MAP: case STRUCT: return Integer.MAX_VALUE;
      case UUID: return 36;
      case DATE: return 10;
      case TIME: return 8 + (timePrecision(type) == 0 ? 0 : timePrecision(type) + 1);
      case TIMESTAMP: return 19 + (timePrecision(type) == 0 ? 0 : timePrecision(type) + 1);
      case TIMESTAMP_TZ: return 26 + (timePrecision(type) == 0 ? 0 : timePrecision(type) + 1);
      case BOOLEAN: return 1;
      case INT8: case INT16: return 5;
      case INT32: return 10;
      case INT64: return 19;
      case FLOAT32: return 7;
      case FLOAT64: return 15;
      default: return 0;
    }
  }

  /** Scale of a bulk-copy source column: decimal scale or fractional-second digits. */
  public static int bulkScale(LogicalType type) {
    switch (type.id()) {
      case DECIMAL: return type.scale();
      case TIME: case TIMESTAMP: case TIMESTAMP_TZ: return timePrecision(type);
      default: return 0;
    }
  }
}
