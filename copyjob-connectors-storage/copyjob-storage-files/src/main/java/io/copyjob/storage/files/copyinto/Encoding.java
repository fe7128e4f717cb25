package io.copyjob.storage.files.copyinto;

/** COPY INTO's {@code ENCODING} of CSV files. The default is {@link #UTF8}. */
public enum Encoding {
  /** UTF-8. */
  UTF8,
  /** UTF-16, little or big endian, told by a byte order mark (little endian without one). */
  UTF16;

  /** The value of the {@code files} connector's {@code csv.encoding} option. */
  public String option() {
    return this == UTF8 ? "utf8" : "utf16";
  }
}
