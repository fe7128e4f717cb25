package io.copyjob.storage.files;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.csv.CsvEncoding;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.format.declared.DateOrder;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import io.copyjob.storage.files.location.LocationPattern;
import io.copyjob.storage.files.store.FileStores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of the {@code files} connector, checked and typed. {@link #parse} checks everything that can be
 * known without touching the store and fails with {@code INVALID_OPTION} naming the option.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #LOCATION}</td><td>a folder holding one sub-folder per dataset: a path or a URI
 *       ({@code file:}, and {@code s3:}, Azure... when their store artifacts are present)</td>
 *       <td>required, unless {@value #LOCATIONS} is given</td></tr>
 *   <tr><td>{@value #LOCATIONS}</td><td>sources only, instead of {@value #LOCATION}: files, folders and wildcard
 *       patterns read as one dataset, COPY INTO style (see {@link LocationPattern}); several are separated by
 *       line breaks, or given as numbered keys {@code locations.1}, {@code locations.2}, ... (read in number
 *       order, after the ones in {@code locations})</td><td></td></tr>
 *   <tr><td>{@value #DATASET}</td><td>with {@value #LOCATIONS}: the name of the one dataset they form
 *       ({@code name} or {@code ns.name})</td><td>{@value #DEFAULT_DATASET}</td></tr>
 *   <tr><td>{@value #FORMAT}</td><td>{@code csv}, {@code jsonl}, {@code parquet}, or a
 *       {@link io.copyjob.storage.files.format.FileFormatProvider}'s ({@code orc} with copyjob-storage-orc)</td><td>required for a
 *       destination; for a source, by each file's extension</td></tr>
 *   <tr><td>{@value #COMPRESSION}</td><td>Parquet: the codec, {@code zstd}, {@code snappy}, {@code gzip},
 *       {@code none}. CSV and JSON Lines ({@link Compression}): {@code none}, {@code gzip}, {@code snappy},
 *       {@code zstd}, or {@code auto} (reading: by each file's extension)</td><td>Parquet {@code zstd}; text:
 *       {@code auto} when reading, {@code none} when writing</td></tr>
 *   <tr><td>{@value #COLUMNS}</td><td>sources: the declared columns of the files (COPY INTO's column list), a
 *       JSON array of objects with {@code name}, {@code type} (a {@link io.copyjob.data.LogicalType} in text
 *       form: {@code INT64}, {@code DECIMAL(12,2)}, {@code STRING(40)}, {@code TIMESTAMP(3)}...), optional
 *       {@code nullable} (default true; false makes a NULL a rejected row), {@code field} (CSV: the 1-based field
 *       number, default the column's position), {@code path} (JSON Lines: {@code $.a.b}, {@code $.items[0].sku},
 *       default {@code $.<name>}) and {@code default} (text parsed like a value, replacing NULL and empty
 *       values). The dataset's schema is then exactly these columns; values convert as COPY INTO does
 *       ({@link io.copyjob.storage.files.format.declared.ValueParsers}: extra decimal and fraction digits are
 *       truncated; values out of range, too long or unparseable are rejected rows naming the column). Parquet
 *       (and other binary formats) match the columns by name, case-insensitively: a column missing from a file
 *       is NULL (or its default); nested columns (LIST, MAP, STRUCT) read as JSON text. JSON Lines are then read
 *       line by line: a line that is not one JSON object is a rejected row with its bytes (lines up to
 *       16 MiB)</td><td>the files' own columns</td></tr>
 *   <tr><td>{@value #CSV_DELIMITER}</td><td>the field terminator: one or more characters ({@code \t} or
 *       {@code tab} for a tab); destinations take one character</td><td>{@code ,}</td></tr>
 *   <tr><td>{@value #CSV_QUOTE}</td><td>one ASCII character</td><td>{@code "}</td></tr>
 *   <tr><td>{@value #CSV_ROW_TERMINATOR}</td><td>sources: the row terminator, one or more characters ({@code \n},
 *       {@code \r\n} escapes accepted); {@code 
} given explicitly means LF only, so a CR before it stays in
 *       the last field. A custom terminator other than LF reads each file whole</td><td>CRLF, LF or CR</td></tr>
 *   <tr><td>{@value #CSV_FIRST_ROW}</td><td>sources: the 1-based row reading starts at; the rows before it are
 *       skipped by their terminators, without parsing quotes. More than 1 reads each file whole</td>
 *       <td>{@code 1}</td></tr>
 *   <tr><td>{@value #CSV_HEADER}</td><td>whether the first row (at {@value #CSV_FIRST_ROW}) names the columns;
 *       with {@value #COLUMNS} a header row is skipped</td><td>{@code true}</td></tr>
 *   <tr><td>{@value #CSV_ENCODING}</td><td>sources: {@code utf8} or {@code utf16} (a byte order mark decides
 *       the byte order; without one little-endian, as SQL Server reads it; read whole). Invalid bytes are a
 *       rejected row (UTF-8) or fail the file (UTF-16)</td><td>{@code utf8}</td></tr>
 *   <tr><td>{@value #CSV_DATE_FORMAT}</td><td>sources with {@value #COLUMNS}: the order of month, day and year
 *       in dates that are not ISO: {@code mdy}, {@code dmy}, {@code ymd}, {@code ydm}, {@code myd},
 *       {@code dym}; three numeric parts separated by {@code /}, {@code -} or {@code .}, optionally followed by
 *       a time. ISO {@code yyyy-mm-dd[ hh:mm:ss[.f]]} is always accepted</td><td>{@code mdy}</td></tr>
 *   <tr><td>{@value #CSV_MATCH_COLUMN_COUNT}</td><td>sources with {@value #COLUMNS}: a row whose field count
 *       differs from the declared columns' count is rejected; when false, missing trailing fields are NULL and
 *       extra fields ignored</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #CSV_MAX_ROW_BYTES}</td><td>sources: the most bytes one CSV row may hold; a longer row (an
 *       unbalanced quote makes the rest of the file one row) fails the file naming the line where it starts,
 *       instead of buffering the file</td><td>{@code 1MiB}</td></tr>
 *   <tr><td>{@value #CSV_MULTILINE}</td><td>quoted CSV values may hold line breaks: read each CSV file whole
 *       instead of in byte ranges</td><td>{@code false}</td></tr>
 *   <tr><td>{@value #SPLIT_SIZE}</td><td>reading: the size of a part of a large file read by one reader (byte
 *       ranges of uncompressed CSV and JSON Lines, groups of Parquet row groups); {@code 0} reads files
 *       whole</td><td>{@value #DEFAULT_SPLIT_SIZE_TEXT}</td></tr>
 *   <tr><td>{@value #FILE_NAME}</td><td>output file name template, see {@link FileNameTemplate}</td>
 *       <td>{@value FileNameTemplate#DEFAULT}</td></tr>
 *   <tr><td>{@value #MAX_ROWS_PER_FILE}</td><td>rows after which a writer starts a new file</td>
 *       <td>unbounded</td></tr>
 *   <tr><td>{@value #MAX_BYTES_PER_FILE}</td><td>bytes after which a writer starts a new file, checked after
 *       each batch (so files end somewhat larger)</td><td>unbounded</td></tr>
 * </table>
 *
 * <p>Sizes are bytes, or a number with a binary suffix: {@code 64MiB}, {@code 64MB}, {@code 64m}, {@code 1GiB}
 * ({@code K}, {@code M}, {@code G}, {@code T}, with or without {@code B} or {@code iB}, all powers of 1024).
 *
 * <p>Keys with a dot whose prefix is not {@code csv} or {@code locations} (e.g. {@code s3.region}) are left to
 * the file store; any other unknown key is an error, so a misspelt option does not pass silently.
 */
public final class FilesOptions {
  /** The folder to read or write: a path or a URI. */
  public static final String LOCATION = "location";
  /** Sources: files, folders and patterns forming one dataset, separated by line breaks. */
  public static final String LOCATIONS = "locations";
  /** The name of the dataset {@value #LOCATIONS} form. */
  public static final String DATASET = "dataset";
  /** The dataset name {@value #LOCATIONS} form when {@value #DATASET} is not set. */
  public static final String DEFAULT_DATASET = "files";
  /** {@code csv}, {@code jsonl} or {@code parquet}. */
  public static final String FORMAT = "format";
  /** The Parquet codec, or the compression of CSV and JSON Lines files. */
  public static final String COMPRESSION = "compression";
  /** The CSV field separator. */
  public static final String CSV_DELIMITER = "csv.delimiter";
  /** The CSV quote character. */
  public static final String CSV_QUOTE = "csv.quote";
  /** Whether CSV files start with a header row. */
  public static final String CSV_HEADER = "csv.header";
  /** The declared columns of the files, a JSON array. */
  public static final String COLUMNS = "columns";
  /** The CSV row terminator. */
  public static final String CSV_ROW_TERMINATOR = "csv.rowTerminator";
  /** The 1-based CSV row reading starts at. */
  public static final String CSV_FIRST_ROW = "csv.firstRow";
  /** {@code utf8} or {@code utf16}. */
  public static final String CSV_ENCODING = "csv.encoding";
  /** The order of month, day and year in non-ISO dates. */
  public static final String CSV_DATE_FORMAT = "csv.dateFormat";
  /** Whether a row must have as many fields as there are declared columns. */
  public static final String CSV_MATCH_COLUMN_COUNT = "csv.matchColumnCount";
  /** The most bytes a CSV row may hold. */
  public static final String CSV_MAX_ROW_BYTES = "csv.maxRowBytes";
  /** Whether quoted CSV values may hold line breaks (then CSV files are read whole). */
  public static final String CSV_MULTILINE = "csv.multiline";
  /** The size of the parts large files are read in. */
  public static final String SPLIT_SIZE = "splitSize";
  /** The default {@value #SPLIT_SIZE}: 64 MiB. */
  public static final String DEFAULT_SPLIT_SIZE_TEXT = "64MiB";
  /** The default {@value #SPLIT_SIZE} in bytes. */
  public static final long DEFAULT_SPLIT_SIZE = 64L * 1024 * 1024;
  /** The output file name template. */
  public static final String FILE_NAME = "fileName";
  /** Rows after which a writer starts a new file. */
  public static final String MAX_ROWS_PER_FILE = "maxRowsPerFile";
  /** Bytes after which a writer starts a new file. */
  public static final String MAX_BYTES_PER_FILE = "maxBytesPerFile";

  /** The built-in format names; the {@value #FORMAT} option also accepts those of format providers on the class path. */
  public static final List<String> FORMATS = List.of("csv", "jsonl", "parquet");

  private static final Set<String> KNOWN = Set.of(LOCATION, LOCATIONS, DATASET, FORMAT, COMPRESSION, CSV_DELIMITER,
      CSV_QUOTE, CSV_HEADER, CSV_MULTILINE, SPLIT_SIZE, FILE_NAME, MAX_ROWS_PER_FILE, MAX_BYTES_PER_FILE, COLUMNS,
      CSV_ROW_TERMINATOR, CSV_FIRST_ROW, CSV_ENCODING, CSV_DATE_FORMAT, CSV_MATCH_COLUMN_COUNT, CSV_MAX_ROW_BYTES);
  private static final Pattern NUMBERED = Pattern.compile("locations\\.([1-9][0-9]{0,8})");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

  private final ConnectorOptions raw;
  private final String location;
  private final List<LocationPattern> locations;
  private final DatasetId dataset;
  private final String format;
  private final ParquetCompression compression;
  private final Compression textCompression;
  private final CsvSettings csv;
  private final DeclaredColumns columns;
  private final long splitSize;
  private final FileNameTemplate fileName;
  private final long maxRowsPerFile;
  private final long maxBytesPerFile;

  private FilesOptions(ConnectorOptions raw, String location, List<LocationPattern> locations, DatasetId dataset,
      String format, ParquetCompression compression, Compression textCompression, CsvSettings csv,
      DeclaredColumns columns, long splitSize, FileNameTemplate fileName, long maxRowsPerFile, long maxBytesPerFile) {
    this.raw = raw;
    this.location = location;
    this.locations = locations;
    this.dataset = dataset;
    this.format = format;
    this.compression = compression;
    this.textCompression = textCompression;
    this.csv = csv;
    this.columns = columns;
    this.splitSize = splitSize;
    this.fileName = fileName;
    this.maxRowsPerFile = maxRowsPerFile;
    this.maxBytesPerFile = maxBytesPerFile;
  }

  /**
   * Checks and types {@code options} for use in {@code role}, without touching the store.
   *
   * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming the offending option
   */
  public static FilesOptions parse(ConnectorOptions options, ConnectorRole role) {
    Map<Integer, String> numbered = new TreeMap<>();
    for (String key : options.asMap().keySet()) {
      if (key.startsWith(LOCATIONS + ".")) {
        Matcher m = NUMBERED.matcher(key);
        if (!m.matches()) {
          throw options.invalid(key, "is not a numbered location: use locations.1, locations.2, ...");
        }
        numbered.put(Integer.parseInt(m.group(1)), options.asMap().get(key));
        continue;
      }
      boolean storeOption = key.indexOf('.') > 0 && !key.startsWith("csv.");
      if (!KNOWN.contains(key) && !storeOption) {
        throw options.invalid(key, "is unknown; known options: " + String.join(", ", new java.util.TreeSet<>(KNOWN)));
      }
    }
    List<LocationPattern> locations = locations(options, numbered);
    String location = options.get(LOCATION).orElse(null);
    if (!locations.isEmpty()) {
      if (role == ConnectorRole.SINK) {
        throw options.invalid(LOCATIONS, "is for sources only; a destination writes below 'location'");
      }
      if (location != null) {
        throw options.invalid(LOCATIONS, "cannot be combined with 'location': give the folder of datasets in "
            + "'location', or the files of one dataset in 'locations'");
      }
    } else {
      location = options.require(LOCATION);
      try {
        FileStores.toUri(location);
      } catch (IllegalArgumentException e) {
        throw options.invalid(LOCATION, "is " + e.getMessage());
      }
      if (options.get(DATASET).isPresent()) {
        throw options.invalid(DATASET, "names the dataset of 'locations'; with 'location' datasets are its folders");
      }
    }
    DatasetId dataset;
    try {
      dataset = DatasetId.parse(options.get(DATASET, DEFAULT_DATASET).trim());
    } catch (IllegalArgumentException e) {
      throw options.invalid(DATASET, "is not a dataset name: " + e.getMessage());
    }
    String format = options.get(FORMAT).map(f -> f.trim().toLowerCase(Locale.ROOT)).orElse(null);
    List<String> formats = FileFormats.names();
    if (format != null && !formats.contains(format)) {
      throw options.invalid(FORMAT, FileFormats.unknown(format));
    }
    if (format == null && role == ConnectorRole.SINK) {
      throw options.invalid(FORMAT, "is required for a destination: one of " + String.join(", ", formats));
    }
    Compression text = options.getEnum(COMPRESSION, Compression.class,
        role == ConnectorRole.SINK ? Compression.NONE : Compression.AUTO);
    if (role == ConnectorRole.SINK && text == Compression.AUTO) {
      throw options.invalid(COMPRESSION, "cannot be auto for a destination: one of none, gzip, snappy, zstd");
    }
    ParquetCompression compression = options.get(COMPRESSION).isEmpty() || text == Compression.AUTO
        ? ParquetCompression.ZSTD : ParquetCompression.valueOf(text.name());
    CsvSettings csv = csvSettings(options, role);
    DeclaredColumns columns = null;
    if (options.get(COLUMNS).isPresent()) {
      if (role == ConnectorRole.SINK) {
        throw options.invalid(COLUMNS, "is for sources only: it declares the columns of the files read");
      }
      try {
        columns = DeclaredColumns.parse(options.get(COLUMNS).get());
      } catch (IllegalArgumentException e) {
        throw options.invalid(COLUMNS, e.getMessage());
      }
    }
    long splitSize = size(options, SPLIT_SIZE, DEFAULT_SPLIT_SIZE);
    if (splitSize == 0) {
      splitSize = Long.MAX_VALUE;
    }
    long maxRows = options.getLong(MAX_ROWS_PER_FILE, Long.MAX_VALUE);
    if (maxRows < 1) {
      throw options.invalid(MAX_ROWS_PER_FILE, "must be at least 1, got " + maxRows);
    }
    long maxBytes = size(options, MAX_BYTES_PER_FILE, Long.MAX_VALUE);
    if (maxBytes < 1) {
      throw options.invalid(MAX_BYTES_PER_FILE, "must be at least 1 byte");
    }
    FileNameTemplate fileName;
    try {
      fileName = FileNameTemplate.parse(options.get(FILE_NAME, FileNameTemplate.DEFAULT));
    } catch (IllegalArgumentException e) {
      throw options.invalid(FILE_NAME, e.getMessage());
    }
    if (!fileName.hasSequence() && (maxRows != Long.MAX_VALUE || maxBytes != Long.MAX_VALUE)) {
      throw options.invalid(FILE_NAME, "needs {seq} when maxRowsPerFile or maxBytesPerFile is set, or rolled-over "
          + "files would replace each other");
    }
    return new FilesOptions(options, location, locations, dataset, format, compression,
        text, csv, columns, splitSize, fileName, maxRows, maxBytes);
  }

  private static CsvSettings csvSettings(ConnectorOptions options, ConnectorRole role) {
    String delimiter = text(options, CSV_DELIMITER, ",");
    if (role == ConnectorRole.SINK && delimiter.length() != 1) {
      throw options.invalid(CSV_DELIMITER, "must be exactly one character (or \\t) for a destination, got '"
          + delimiter + "'");
    }
    char quote = oneChar(options, CSV_QUOTE, '"');
    if (quote >= 0x80) {
      throw options.invalid(CSV_QUOTE, "must be an ASCII character, got '" + quote + "'");
    }
    boolean header = options.getBoolean(CSV_HEADER, true);
    boolean multiline = options.getBoolean(CSV_MULTILINE, false);
    String terminator = options.get(CSV_ROW_TERMINATOR).map(FilesOptions::unescape).orElse(null);
    long firstRow = options.getLong(CSV_FIRST_ROW, 1);
    if (firstRow < 1) {
      throw options.invalid(CSV_FIRST_ROW, "must be 1 or more, got " + firstRow);
    }
    CsvEncoding encoding = options.getEnum(CSV_ENCODING, CsvEncoding.class, CsvEncoding.UTF8);
    DateOrder dates = options.getEnum(CSV_DATE_FORMAT, DateOrder.class, DateOrder.MDY);
    boolean matchCount = options.getBoolean(CSV_MATCH_COLUMN_COUNT, false);
    long maxRow = size(options, CSV_MAX_ROW_BYTES, CsvSettings.DEFAULT_MAX_ROW_BYTES);
    if (maxRow < 16 || maxRow > Integer.MAX_VALUE - 64) {
      throw options.invalid(CSV_MAX_ROW_BYTES, "must be between 16 bytes and 2GiB, got '"
          + options.get(CSV_MAX_ROW_BYTES).orElse("") + "'");
    }
    try {
      return new CsvSettings(delimiter, quote, header, multiline, terminator, firstRow, encoding, dates, matchCount,
          (int) maxRow);
    } catch (IllegalArgumentException e) {
      String key = options.get(CSV_ROW_TERMINATOR).isPresent() && e.getMessage().contains("terminator")
          ? CSV_ROW_TERMINATOR : options.get(CSV_DELIMITER).isPresent() ? CSV_DELIMITER : CSV_QUOTE;
      throw options.invalid(key, "is not usable: " + e.getMessage());
    }
  }

  /** A text option of at least one character; {@code \t} and {@code tab} mean a tab. */
  private static String text(ConnectorOptions options, String key, String defaultValue) {
    Optional<String> v = options.get(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    String s = v.get();
    if (s.equalsIgnoreCase("tab")) {
      return "\t";
    }
    s = unescape(s);
    if (s.isEmpty()) {
      throw options.invalid(key, "is empty");
    }
    return s;
  }

  /** Turns the escapes {@code \n}, {@code \r}, {@code \t} and {@code \\} into their characters. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        char r = n == 'n' ? '\n' : n == 'r' ? '\r' : n == 't' ? '\t' : n == '\\' ? '\\' : 0;
        if (r != 0) {
          sb.append(r);
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static List<LocationPattern> locations(ConnectorOptions options, Map<Integer, String> numbered) {
    List<String> texts = new ArrayList<>();
    options.get(LOCATIONS).ifPresent(v -> texts.addAll(List.of(v.split("\\R"))));
    texts.addAll(numbered.values());
    List<LocationPattern> out = new ArrayList<>();
    for (String text : texts) {
      if (text.isBlank()) {
        continue;
      }
      try {
        out.add(LocationPattern.parse(text));
      } catch (IllegalArgumentException e) {
        throw options.invalid(LOCATIONS, "has a bad location '" + text.strip() + "': " + e.getMessage());
      }
    }
    if (out.isEmpty() && (options.get(LOCATIONS).isPresent() || !numbered.isEmpty())) {
      throw options.invalid(LOCATIONS, "holds no location");
    }
    return List.copyOf(out);
  }

  /** A size option: bytes, or a number with a binary suffix (K, M, G, T; optionally B or iB). */
  static long size(ConnectorOptions options, String key, long defaultValue) {
    Optional<String> v = options.get(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    Matcher m = SIZE.matcher(v.get().trim());
    if (!m.matches()) {
      throw options.invalid(key, "must be a size in bytes such as 67108864, 64MiB or 1GB, got '" + v.get() + "'");
    }
    int shift = m.group(2) == null ? 0 : 10 * ("kmgt".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1);
    try {
      long n = Long.parseLong(m.group(1));
      if (n > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw options.invalid(key, "is too large: '" + v.get() + "'");
    }
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

  /** The folder of datasets as given; null when the source reads {@link #locations()}. */
  public String location() {
    return location;
  }

  /** The locations of the one dataset of a source, in order; empty when the source reads {@link #location()}. */
  public List<LocationPattern> locations() {
    return locations;
  }

  /** The name of the dataset {@link #locations()} form. */
  public DatasetId dataset() {
    return dataset;
  }

  /** The format name, or empty when files are recognized by extension. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /** The Parquet codec to write with. */
  public ParquetCompression compression() {
    return compression;
  }

  /** The compression of CSV and JSON Lines files: {@code AUTO} by default for sources, {@code NONE} for sinks. */
  public Compression textCompression() {
    return textCompression;
  }

  /** Delimiter, quote, header and multiline settings for CSV. */
  public CsvSettings csv() {
    return csv;
  }

  /** The declared columns of the files ({@value #COLUMNS}); empty to read the files' own columns. */
  public Optional<DeclaredColumns> columns() {
    return Optional.ofNullable(columns);
  }

  /** The size of the parts large files are read in; {@link Long#MAX_VALUE} to read files whole. */
  public long splitSize() {
    return splitSize;
  }

  /** How output files are named. */
  public FileNameTemplate fileName() {
    return fileName;
  }

  /** Rows per output file; {@link Long#MAX_VALUE} when unbounded. */
  public long maxRowsPerFile() {
    return maxRowsPerFile;
  }

  /** Bytes after which an output file is closed (checked after each batch); {@link Long#MAX_VALUE} when unbounded. */
  public long maxBytesPerFile() {
    return maxBytesPerFile;
  }

  /** The configured format, for a destination (where it is required). */
  FileFormat sinkFormat() {
    return FileFormats.byName(format, this);
  }
}
