package io.copyjob.storage.files.format.csv;

/** The encodings CSV files are read in ({@code csv.encoding}, COPY INTO's ENCODING). */
public enum CsvEncoding {
  /** UTF-8, with or without a byte order mark; invalid bytes are a bad row naming its line. */
  UTF8,
  /**
   * UTF-16: a byte order mark decides the byte order; without one, little-endian, as SQL Server reads it.
   * Files are read whole.
   */
  UTF16
}
