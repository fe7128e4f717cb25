package io.copyjob.storage.files.copyinto;

import java.util.Locale;

/** COPY INTO's {@code DATEFORMAT}: the order of month, day and year in CSV date values. */
public enum DateFormat {
  MDY, DMY, YMD, YDM, MYD, DYM;

  /** The value of the {@code files} connector's {@code csv.dateFormat} option. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }
}
