package io.copyjob.storage.files.format.csv;

/**
 * How CSV files are delimited and quoted, and whether they start with a header row. Immutable.
 *
 * @param delimiter the field separator, {@code ,} by default
 * @param quote     the quote character, {@code "} by default; doubled inside a quoted field
 * @param header    whether the first row names the columns; without one, columns are named
 *                  {@code column1}, {@code column2}, ...
 * @param multiline whether quoted values may hold line breaks that the reader must not take for row ends when
 *                  it starts in the middle of a file: when true, each file is read whole by one reader; when
 *                  false (the default), large uncompressed files are read in byte ranges and a range that
 *                  started inside a quoted value is detected and fails the read (see
 *                  {@link io.copyjob.storage.files.format.RowRangeInputStream})
 */
public record CsvSettings(char delimiter, char quote, boolean header, boolean multiline) {
  /** RFC 4180: comma, double quote, header row. */
  public static final CsvSettings DEFAULT = new CsvSettings(',', '"', true);

  /** Checks that the characters can delimit fields. */
  public CsvSettings {
    if (delimiter == quote) {
      throw new IllegalArgumentException("the delimiter and the quote must differ");
    }
    if (delimiter == '\r' || delimiter == '\n' || quote == '\r' || quote == '\n') {
      throw new IllegalArgumentException("line breaks cannot delimit or quote fields");
    }
  }

  /** Settings whose files may be read in byte ranges ({@code multiline} false). */
  public CsvSettings(char delimiter, char quote, boolean header) {
    this(delimiter, quote, header, false);
  }
}
