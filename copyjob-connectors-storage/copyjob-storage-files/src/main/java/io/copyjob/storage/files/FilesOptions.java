package io.copyjob.storage.files;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.DatasetId;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.csv.CsvSettings;
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
 *   <tr><td>{@value #CSV_DELIMITER}</td><td>one character</td><td>{@code ,}</td></tr>
 *   <tr><td>{@value #CSV_QUOTE}</td><td>one character</td><td>{@code "}</td></tr>
 *   <tr><td>{@value #CSV_HEADER}</td><td>whether the first row names the columns</td><td>{@code true}</td></tr>
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
      CSV_QUOTE, CSV_HEADER, CSV_MULTILINE, SPLIT_SIZE, FILE_NAME, MAX_ROWS_PER_FILE, MAX_BYTES_PER_FILE);
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
  private final long splitSize;
  private final FileNameTemplate fileName;
  private final long maxRowsPerFile;
  private final long maxBytesPerFile;

  private FilesOptions(ConnectorOptions raw, String location, List<LocationPattern> locations, DatasetId dataset,
      String format, ParquetCompression compression, Compression textCompression, CsvSettings csv, long splitSize,
      FileNameTemplate fileName, long maxRowsPerFile, long maxBytesPerFile) {
    this.raw = raw;
    this.location = location;
    this.locations = locations;
    this.dataset = dataset;
    this.format = format;
    this.compression = compression;
    this.textCompression = textCompression;
    this.csv = csv;
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
    char delimiter = oneChar(options, CSV_DELIMITER, ',');
    char quote = oneChar(options, CSV_QUOTE, '"');
    boolean header = options.getBoolean(CSV_HEADER, true);
    boolean multiline = options.getBoolean(CSV_MULTILINE, false);
    CsvSettings csv;
    try {
      csv = new CsvSettings(delimiter, quote, header, multiline);
    } catch (IllegalArgumentException e) {
      throw options.invalid(options.get(CSV_DELIMITER).isPresent() ? CSV_DELIMITER : CSV_QUOTE, "is not usable: "
          + e.getMessage());
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
        text, csv, splitSize, fileName, maxRows, maxBytes);
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
