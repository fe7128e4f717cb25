package io.copyjob.storage.files.copyinto;

import java.util.Locale;

/** COPY INTO's {@code DATEFORMAT}: the order of month, day and year in CSV date values. */
public enum DateFormat {
  /** Month, day, year: {@code 12/31/2024}. */
  MDY,
  /** Day, month, year: {@code 31/12/2024}. */
  DMY,
  /** Year, month, day: {@code 2024/12/31}. */
  YMD,
  /** Year, day, month: {@code 2024/31/12}. */
  YDM,
  /** Month, year, day: {@code 12/2024/31}. */
  MYD,
  /** Day, year, month: {@code 31/2024/12}. */
  DYM;

  /** The value of the {@code files} connector's {@code csv.dateFormat} option. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
