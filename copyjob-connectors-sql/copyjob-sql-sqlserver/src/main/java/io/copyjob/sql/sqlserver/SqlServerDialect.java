package io.copyjob.sql.sqlserver;

import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.jdbc.Dialect;
import io.copyjob.sql.jdbc.SqlStates;
import io.copyjob.spi.Watermark;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * SQL Server's {@link Dialect}: {@code [bracket]} quoting with {@code ]} doubled, N'...' literals, datetime2 /
 * datetimeoffset literals with all seven fractional digits, and the server's error numbers.
 */
public final class SqlServerDialect implements Dialect {
  public static final SqlServerDialect INSTANCE = new SqlServerDialect();

  private static final DateTimeFormatter DATETIME2 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS");

  private SqlServerDialect() {
  }

  @Override
  public String name() {
    return "SQL Server";
  }

  /** {@code [name]} with {@code ]} doubled: every other character, {@code [ ; ' "} and unicode included, is literal. */
  @Override
  public String quoteIdentifier(String identifier) {
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("an identifier cannot contain NUL");
    }
    return "[" + identifier.replace("]", "]]") + "]";
  }

  @Override
  public String columnType(LogicalType type) {
    return SqlServerTypeMapping.toSql(type);
  }

  /** A Unicode string literal: {@code N'...'} with quotes doubled. */
  public static String stringLiteral(String value) {
    return "N'" + value.replace("'", "''") + "'";
  }

  /**
   * Literals typed as the watermark column: integers as digits, decimals exactly,
   * {@code CAST('2024-01-02T03:04:05.1234567' AS datetime2(7))}, {@code CAST('...+00:00' AS datetimeoffset(7))}.
   * Digits below 100 ns of a watermark cannot come from SQL Server and are truncated.
   */
  @Override
  public String literal(Watermark value) {
    Object v = value.value();
    switch (value.type().id()) {
      case INT8: case INT16: case INT32: case INT64: return Long.toString((Long) v);
      case DECIMAL: return ((BigDecimal) v).toPlainString();
      case DATE: return "CAST('" + v + "' AS date)";
      case TIMESTAMP: return "CAST('" + DATETIME2.format((LocalDateTime) v) + "' AS datetime2(7))";
      case TIMESTAMP_TZ:
        return "CAST('" + DATETIME2.format(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)) + "+00:00' AS datetimeoffset(7))";
      default: return stringLiteral(v.toString());
    }
  }

  /** {@code value} of a DATE watermark as a literal. */
  static String dateLiteral(LocalDate d) {
    return "CAST('" + d + "' AS date)";
  }

  /**
   * SQL Server error numbers first (the driver's SQLSTATEs are coarse): 18456 login failed, 4060 cannot open
   * database, 208 invalid object, 207 invalid column, 2627/2601 duplicate key, 515 NULL into NOT NULL, 547
   * constraint, 8152/2628 string truncated, 8115/220/8114/241/242 conversion and overflow; then SQLSTATE classes.
   */
  @Override
  public ErrorCode errorCode(SQLException e) {
    switch (e.getErrorCode()) {
      case 18456: case 18452: case 18486: case 18487: case 18488: case 4060:
        return ErrorCode.AUTHENTICATION_FAILED;
      case 208: return ErrorCode.TABLE_NOT_FOUND;
      case 207: return ErrorCode.COLUMN_NOT_FOUND;
      case 2627: case 2601: case 515: case 547: case 8672:
        return ErrorCode.ROW_REJECTED;
      case 8152: case 2628: case 8115: case 220: case 8114: case 241: case 242: case 245: case 8169: case 4863:
        return ErrorCode.CONVERSION_FAILED;
      case 1205: // deadlock victim
        return ErrorCode.CONNECTION_FAILED;
      default:
        break;
    }
    return SqlStates.errorCode(e.getSQLState());
  }
}
