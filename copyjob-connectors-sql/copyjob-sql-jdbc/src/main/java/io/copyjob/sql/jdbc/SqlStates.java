package io.copyjob.sql.jdbc;

import io.copyjob.ErrorCode;

/**
 * Maps standard SQLSTATE values (ISO/IEC 9075 classes, shared by the databases we support) to copyjob error
 * codes. Dialects refine it with their own codes.
 */
public final class SqlStates {
  private SqlStates() {
  }

  /** The error code of {@code sqlState}; {@link ErrorCode#STORE_ERROR} when unknown or null. */
  public static ErrorCode errorCode(String sqlState) {
    if (sqlState == null || sqlState.length() < 2) {
      return ErrorCode.STORE_ERROR;
    }
    if (sqlState.equals("42S02")) {
      return ErrorCode.TABLE_NOT_FOUND;
    }
    if (sqlState.equals("42S22")) {
      return ErrorCode.COLUMN_NOT_FOUND;
    }
    switch (sqlState.substring(0, 2)) {
      case "08": return ErrorCode.CONNECTION_FAILED;
      case "28": return ErrorCode.AUTHENTICATION_FAILED;
      case "22": return ErrorCode.CONVERSION_FAILED;
      case "23": return ErrorCode.ROW_REJECTED;
      default: return ErrorCode.STORE_ERROR;
    }
  }

  /** True for a data error (class 22 or 23) whose message should name the column and row. */
  public static boolean isDataError(String sqlState) {
    return sqlState != null && (sqlState.startsWith("22") || sqlState.startsWith("23"));
  }
}
