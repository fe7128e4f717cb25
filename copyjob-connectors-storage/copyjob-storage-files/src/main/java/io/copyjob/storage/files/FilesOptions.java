package io.copyjob.storage.files;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.store.FileStores;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The options of the {@code files} connector, checked and typed. {@link #parse} checks everything that can be
 * known without touching the store and fails with {@code INVALID_OPTION} naming the option.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #LOCATION}</td><td>a folder: a path or a URI ({@code file:}, and {@code s3:}, Azure... when
 *       their store artifacts are present)</td><td>required</td></tr>
 *   <tr><td>{@value #FORMAT}</td><td>{@code csv}, {@code jsonl} or {@code parquet}</td><td>required for a
 *       destination; for a source, by each file's extension</td></tr>
 *   <tr><td>{@value #COMPRESSION}</td><td>Parquet codec: {@code zstd}, {@code snappy}, {@code gzip},
 *       {@code none}</td><td>{@code zstd}</td></tr>
 *   <tr><td>{@value #CSV_DELIMITER}</td><td>one character</td><td>{@code ,}</td></tr>
 *   <tr><td>{@value #CSV_QUOTE}</td><td>one character</td><td>{@code "}</td></tr>
 *   <tr><td>{@value #CSV_HEADER}</td><td>whether the first row names the columns</td><td>{@code true}</td></tr>
 *   <tr><td>{@value #FILE_NAME}</td><td>output file name template, see {@link FileNameTemplate}</td>
 *       <td>{@value FileNameTemplate#DEFAULT}</td></tr>
 *   <tr><td>{@value #MAX_ROWS_PER_FILE}</td><td>rows after which a writer starts a new file</td>
 *       <td>unbounded</td></tr>
 * </table>
 *
 * <p>Keys with a dot whose prefix is not {@code csv} (e.g. {@code s3.region}) are left to the file store;
 * any other unknown key is an error, so a misspelt option does not pass silently.
 */
public final class FilesOptions {
  /** The folder to read or write: a path or a URI. */
  public static final String LOCATION = "location";
  /** {@code csv}, {@code jsonl} or {@code parquet}. */
  public static final String FORMAT = "format";
  /** The Parquet codec. */
  public static final String COMPRESSION = "compression";
  /** The CSV field separator. */
  public static final String CSV_DELIMITER = "csv.delimiter";
  /** The CSV quote character. */
  public static final String CSV_QUOTE = "csv.quote";
  /** Whether CSV files start with a header row. */
  public static final String CSV_HEADER = "csv.header";
  /** The output file name template. */
  public static final String FILE_NAME = "fileName";
  /** Rows after which a writer starts a new file. */
  public static final String MAX_ROWS_PER_FILE = "maxRowsPerFile";

  /** The format names the {@value #FORMAT} option accepts. */
  public static final List<String> FORMATS = List.of("csv", "jsonl", "parquet");

  private static final Set<String> KNOWN = Set.of(LOCATION, FORMAT, COMPRESSION, CSV_DELIMITER, CSV_QUOTE, CSV_HEADER,
      FILE_NAME, MAX_ROWS_PER_FILE);

  private final ConnectorOptions raw;
  private final String location;
  private final String format;
  private final ParquetCompression compression;
  private final CsvSettings csv;
  private final FileNameTemplate fileName;
  private final long maxRowsPerFile;

  private FilesOptions(ConnectorOptions raw, String location, String format, ParquetCompression compression,
      CsvSettings csv, FileNameTemplate fileName, long maxRowsPerFile) {
    this.raw = raw;
    this.location = location;
    this.format = format;
    this.compression = compression;
    this.csv = csv;
    this.fileName = fileName;
    this.maxRowsPerFile = maxRowsPerFile;
  }

  /**
   * Checks and types {@code options} for use in {@code role}, without touching the store.
   *
   * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming the offending option
   */
  public static FilesOptions parse(ConnectorOptions options, ConnectorRole role) {
    for (String key : options.asMap().keySet()) {
      boolean storeOption = key.indexOf('.') > 0 && !key.startsWith("csv.");
      if (!KNOWN.contains(key) && !storeOption) {
        throw options.invalid(key, "is unknown; known options: " + String.join(", ", new java.util.TreeSet<>(KNOWN)));
      }
    }
    String location = options.require(LOCATION);
    try {
      FileStores.toUri(location);
    } catch (IllegalArgumentException e) {
      throw options.invalid(LOCATION, "is " + e.getMessage());
    }
    String format = options.get(FORMAT).map(f -> f.trim().toLowerCase(Locale.ROOT)).orElse(null);
    if (format != null && !FORMATS.contains(format)) {
      throw options.invalid(FORMAT, "must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
    }
    if (format == null && role == ConnectorRole.SINK) {
      throw options.invalid(FORMAT, "is required for a destination: one of " + String.join(", ", FORMATS));
    }
    ParquetCompression compression = options.getEnum(COMPRESSION, ParquetCompression.class, ParquetCompression.ZSTD);
    if (options.get(COMPRESSION).isPresent() && format != null && !format.equals("parquet")
        && compression != ParquetCompression.NONE) {
      throw options.invalid(COMPRESSION, "applies to Parquet only; " + format + " files are written uncompressed");
    }
    char delimiter = oneChar(options, CSV_DELIMITER, ',');
    char quote = oneChar(options, CSV_QUOTE, '"');
    boolean header = options.getBoolean(CSV_HEADER, true);
    CsvSettings csv;
    try {
      csv = new CsvSettings(delimiter, quote, header);
    } catch (IllegalArgumentException e) {
      throw options.invalid(options.get(CSV_DELIMITER).isPresent() ? CSV_DELIMITER : CSV_QUOTE, "is not usable: "
          + e.getMessage());
    }
    long maxRows = options.getLong(MAX_ROWS_PER_FILE, Long.MAX_VALUE);
    if (maxRows < 1) {
      throw options.invalid(MAX_ROWS_PER_FILE, "must be at least 1, got " + maxRows);
    }
    FileNameTemplate fileName;
    try {
      fileName = FileNameTemplate.parse(options.get(FILE_NAME, FileNameTemplate.DEFAULT));
    } catch (IllegalArgumentException e) {
      throw options.invalid(FILE_NAME, e.getMessage());
    }
    if (!fileName.hasSequence() && maxRows != Long.MAX_VALUE) {
      throw options.invalid(FILE_NAME, "needs {seq} when maxRowsPerFile is set, or rolled-over files would replace "
          + "each other");
    }
    return new FilesOptions(options, location, format, compression, csv, fileName, maxRows);
  }

  private static char oneChar(ConnectorOptions options, String key, char defaultValue) {
    Optional<String> v = options.get(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    String s = v.get();
    if (s.equals("\\t") || s.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (s.length() != 1) {
      throw options.invalid(key, "must be exactly one character (or \\t), got '" + s + "'");
    }
    return s.charAt(0);
  }

  /** All options as given, for the file store. */
  public ConnectorOptions raw() {
    return raw;
  }

  /** The location string as given. */
  public String location() {
    return location;
  }

  /** The format name, or empty when files are recognized by extension. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /** The Parquet codec to write with. */
  public ParquetCompression compression() {
    return compression;
  }

  /** Delimiter, quote and header settings for CSV. */
  public CsvSettings csv() {
    return csv;
  }

  /** How output files are named. */
  public FileNameTemplate fileName() {
    return fileName;
  }

  /** Rows per output file; {@link Long#MAX_VALUE} when unbounded. */
  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  /** The configured format, for a destination (where it is required). */
  FileFormat sinkFormat() {
    return FileFormats.byName(format, this);
  }
}
