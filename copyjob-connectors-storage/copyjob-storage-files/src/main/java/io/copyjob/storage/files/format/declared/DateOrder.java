package io.copyjob.storage.files.format.declared;

/**
 * The order of month, day and year in dates that are not ISO ({@code csv.dateFormat}, COPY INTO's DATEFORMAT).
 * ISO dates ({@code yyyy-mm-dd}) are accepted whatever the order.
 */
public enum DateOrder {
  /** Month, day, year: {@code 12/31/2024}; SQL Server's default. */
  MDY("mdy"),
  /** Day, month, year: {@code 31/12/2024}. */
  DMY("dmy"),
  /** Year, month, day: {@code 2024/12/31}. */
  YMD("ymd"),
  /** Year, day, month: {@code 2024/31/12}. */
  YDM("ydm"),
  /** Month, year, day: {@code 12/2024/31}. */
  MYD("myd"),
  /** Day, year, month: {@code 31/2024/12}. */
  DYM("dym");

  private final String pattern;

  DateOrder(String pattern) {
    this.pattern = pattern;
  }

  /** Which of the three parts (0, 1, 2) holds the year. */
  int yearPart() {
    return pattern.indexOf('y');
  }

  /** Which part holds the month. */
  int monthPart() {
    return pattern.indexOf('m');
  }

  /** Which part holds the day. */
  int dayPart() {
    return pattern.indexOf('d');
  }
}
