package io.copyjob.storage.files.format.csv;

import io.copyjob.storage.files.format.declared.DateOrder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How CSV files are delimited, quoted, terminated and encoded, as the {@code csv.*} options of the files
 * connector say (the CSV options of T-SQL's COPY INTO). Immutable.
 *
 * @param delimiter        the field terminator, one or more characters; {@code ,} by default
 * @param quote            the quote character, {@code "} by default; doubled inside a quoted field
 * @param header           whether the first row read names the columns; without one, columns are named
 *                         {@code column1}, {@code column2}, ...
 * @param multiline        whether quoted values may hold line breaks that a reader starting in the middle of a
 *                         file must not take for row ends: when true, each file is read whole
 * @param rowTerminator    the row terminator; null for the default, where a row ends at CRLF, LF or CR
 * @param firstRow         the 1-based row reading starts at: rows before it are skipped without being parsed
 * @param encoding         the files' encoding
 * @param dateOrder        the order of day, month and year in dates that are not ISO
 * @param matchColumnCount with declared columns: whether a row with another field count is rejected (when
 *                         false, missing trailing fields are NULL and extra ones ignored)
 * @param maxRowBytes      the most bytes one row may hold; a longer row (typically an unbalanced quote) fails
 *                         the read naming the line where it starts
 */
public record CsvSettings(String delimiter, char quote, boolean header, boolean multiline, String rowTerminator,
    long firstRow, CsvEncoding encoding, DateOrder dateOrder, boolean matchColumnCount, int maxRowBytes) {
  /** The default bound of a row: 1 MiB. */
  public static final int DEFAULT_MAX_ROW_BYTES = 1 << 20;

  /** RFC 4180: comma, double quote, header row. */
  public static final CsvSettings DEFAULT = new CsvSettings(',', '"', true);

  /** Checks that the characters can delimit fields. */
  public CsvSettings {
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(dateOrder, "dateOrder");
    if (delimiter.isEmpty()) {
      throw new IllegalArgumentException("the delimiter is empty");
    }
    if (delimiter.indexOf(quote) >= 0) {
      throw new IllegalArgumentException("the delimiter and the quote must differ");
    }
    if (quote == '\r' || quote == '\n' || (rowTerminator == null && (delimiter.indexOf('\r') >= 0
        || delimiter.indexOf('\n') >= 0))) {
      throw new IllegalArgumentException("line breaks cannot delimit or quote fields");
    }
    if (rowTerminator != null) {
      if (rowTerminator.isEmpty()) {
        throw new IllegalArgumentException("the row terminator is empty");
      }
      if (rowTerminator.indexOf(quote) >= 0) {
        throw new IllegalArgumentException("the row terminator holds the quote character");
      }
      if (rowTerminator.equals(delimiter) || rowTerminator.startsWith(delimiter)
          || delimiter.startsWith(rowTerminator)) {
        throw new IllegalArgumentException("the field and row terminators must differ (neither may start the other)");
      }
    }
    if (firstRow < 1) {
      throw new IllegalArgumentException("the first row is 1 or more");
    }
    if (maxRowBytes < 16) {
      throw new IllegalArgumentException("the row bound is at least 16 bytes");
    }
  }

  /** Settings whose files may be read in byte ranges ({@code multiline} false). */
  public CsvSettings(char delimiter, char quote, boolean header) {
    this(delimiter, quote, header, false);
  }

  /** Single-character delimiter, default row terminator, UTF-8, from the first row. */
  public CsvSettings(char delimiter, char quote, boolean header, boolean multiline) {
    this(String.valueOf(delimiter), quote, header, multiline, null, 1, CsvEncoding.UTF8, DateOrder.MDY, false,
        DEFAULT_MAX_ROW_BYTES);
  }

  /** The delimiter as the one character a writer uses; fails for a longer one. */
  public char delimiterChar() {
    if (delimiter.length() != 1) {
      throw new IllegalStateException("the delimiter '" + delimiter + "' is longer than one character");
    }
    return delimiter.charAt(0);
  }

  /**
   * Whether a reader may start in the middle of an uncompressed file (at the first line feed after an
   * offset): only for UTF-8 files with a one-byte delimiter, rows ending at line feeds (the default terminator
   * or {@code \n}), no quoted line breaks and no rows to skip.
   */
  public boolean splittable() {
    return !multiline && encoding == CsvEncoding.UTF8 && firstRow == 1
        && delimiter.getBytes(StandardCharsets.UTF_8).length == 1
        && (rowTerminator == null || rowTerminator.equals("\n"));
  }
}
