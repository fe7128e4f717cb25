package io.copyjob.sql.postgresql;

import io.copyjob.CopyJobException;
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
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** PostgreSQL's SQL: double-quoted identifiers, its column types, typed literals and SQLSTATEs. */
public final class PostgresDialect implements Dialect {
  public static final PostgresDialect INSTANCE = new PostgresDialect();

  /** ISO date and time with every fractional digit present in the value, which PostgreSQL parses as is. */
  static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
      .appendValue(ChronoField.YEAR_OF_ERA, 4, 9, java.time.format.SignStyle.NOT_NEGATIVE)
      .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
      .appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
      .appendLiteral(' ').appendValue(ChronoField.HOUR_OF_DAY, 2)
      .appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
      .appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private PostgresDialect() {
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String quoteIdentifier(String identifier) {
    if (identifier.indexOf('\0') >= 0) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "a PostgreSQL name cannot contain the NUL character");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String columnType(LogicalType type) {
    return PostgresTypeMapping.toSql(type);
  }

  @Override
  public String literal(Watermark value) {
    Object v = value.value();
    switch (value.type().id()) {
      case INT8: case INT16: case INT32: case INT64:
        return Long.toString((Long) v);
      case DECIMAL:
        return "'" + ((BigDecimal) v).toPlainString() + "'::numeric";
      case DATE:
        return "'" + dateText((LocalDate) v) + "'::date";
      case TIMESTAMP:
        return "'" + timestampText((LocalDateTime) v) + "'::timestamp";
      case TIMESTAMP_TZ:
        return "'" + timestampText(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC)) + "+00'::timestamptz";
      case STRING:
        return stringLiteral((String) v);
      default:
        throw new IllegalArgumentException("no literal for a " + value.type() + " watermark");
    }
  }

  /**
   * An escape string literal ({@code E'...'}), whose meaning does not depend on
   * {@code standard_conforming_strings}.
   */
  public static String stringLiteral(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 4).append("E'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append(c);
      }
      sb.append(c);
    }
    return sb.append('\'').toString();
  }

  /** {@code yyyy-MM-dd}, with {@code BC} for years before 1 as PostgreSQL writes them. */
  static String dateText(LocalDate d) {
    if (d.getYear() >= 1) {
      return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    return String.format("%04d-%02d-%02d BC", 1 - d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.fffffffff]}, with {@code BC} for years before 1. */
  static String timestampText(LocalDateTime t) {
    String text = TIMESTAMP_TEXT.format(t);
    return t.getYear() >= 1 ? text : text + " BC";
  }

  @Override
  public ErrorCode errorCode(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      return ErrorCode.STORE_ERROR;
    }
    switch (state) {
      case "42P01": return ErrorCode.TABLE_NOT_FOUND;     // undefined_table
      case "3F000": return ErrorCode.TABLE_NOT_FOUND;     // invalid_schema_name
      case "42703": return ErrorCode.COLUMN_NOT_FOUND;    // undefined_column
      case "3D000": return ErrorCode.INVALID_OPTION;      // invalid_catalog_name: the URL's database does not exist
      case "57014": return ErrorCode.CANCELLED;           // query_canceled
      case "57P01": case "57P02": case "57P03": return ErrorCode.CONNECTION_FAILED; // server shutting down
      default:
        return state.startsWith("53") ? ErrorCode.CONNECTION_FAILED : SqlStates.errorCode(state);
    }
  }
}
