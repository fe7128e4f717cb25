package io.copyjob.storage.files.copyinto;

/** The value of COPY INTO's switches: IDENTITY_INSERT, AUTO_CREATE_TABLE, MATCH_COLUMN_COUNT. */
public enum OnOff {
  /** The switch is on. */
  ON,
  /** The switch is off: every switch's default. */
  OFF;

  boolean on() {
    return this == ON;
  }
}
