package io.copyjob.storage.files;

import io.copyjob.ConnectorSpec;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the {@link ConnectorSpec} of a {@code files} source or destination in code; it holds exactly the
 * options a job definition would (see {@link FilesOptions}).
 *
 * <pre>{@code
 * FilesLocation.parquet(Path.of("/data/lake"))
 * FilesLocation.builder().location("s3://bucket/lake").format(FilesLocation.Format.CSV)
 *     .csvDelimiter(';').compression(Compression.GZIP).maxBytesPerFile(256L << 20).build()
 * // one dataset "sales" from several places, COPY INTO style:
 * FilesLocation.builder().locations("s3://bucket/in/2024/*.csv.gz", "s3://bucket/in/extra/").dataset("sales").build()
 * }</pre>
 */
public final class FilesLocation {
  private FilesLocation() {
  }

  /** The file formats. */
  public enum Format {
    CSV, JSONL, PARQUET;

    /** The value of the {@code format} option. */
    public String optionValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Parquet files (zstd) in {@code folder}. */
  public static ConnectorSpec parquet(Path folder) {
    return builder().location(folder).format(Format.PARQUET).build();
  }

  /** CSV files with a header row in {@code folder}. */
  public static ConnectorSpec csv(Path folder) {
    return builder().location(folder).format(Format.CSV).build();
  }

  /** JSON Lines files in {@code folder}. */
  public static ConnectorSpec jsonl(Path folder) {
    return builder().location(folder).format(Format.JSONL).build();
  }

  /** Files of any supported format in {@code folder}, each read by its extension: for sources. */
  public static ConnectorSpec anyFormat(Path folder) {
    return builder().location(folder).build();
  }

  /**
   * A source of one dataset, {@value FilesOptions#DEFAULT_DATASET}, made of the files these locations select
   * (files, folders, wildcard patterns: see {@link io.copyjob.storage.files.location.LocationPattern}), each file
   * read by its extension.
   */
  public static ConnectorSpec locations(String... locations) {
    return builder().locations(locations).build();
  }

  /** An empty builder: set at least the location, and the format for a destination. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a files {@link ConnectorSpec}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {
    }

    /** A local folder. */
    public Builder location(Path folder) {
      return set(FilesOptions.LOCATION, folder.toAbsolutePath().toString());
    }

    /** A folder URI: {@code file:}, {@code s3://}, ... */
    public Builder location(URI location) {
      return set(FilesOptions.LOCATION, location.toString());
    }

    /** A folder as a path or a URI string. */
    public Builder location(String location) {
      return set(FilesOptions.LOCATION, location);
    }

    /**
     * Sources: read one dataset made of the files these locations select, instead of a folder per dataset;
     * replaces locations set before. Stored as one {@code locations} option, one location per line.
     *
     * @throws IllegalArgumentException for an empty list or a location with a line break
     */
    public Builder locations(String... locations) {
      return locations(java.util.Arrays.asList(locations));
    }

    /** Sources: the locations of the one dataset (see {@link #locations(String...)}). */
    public Builder locations(java.util.List<String> locations) {
      if (locations.isEmpty()) {
        throw new IllegalArgumentException("no location given");
      }
      for (String l : locations) {
        if (Objects.requireNonNull(l, "location").contains("\n") || l.contains("\r")) {
          throw new IllegalArgumentException("a location cannot hold a line break: " + l);
        }
      }
      options.keySet().removeIf(k -> k.startsWith(FilesOptions.LOCATIONS + "."));
      return set(FilesOptions.LOCATIONS, String.join("\n", locations));
    }

    /** The name of the dataset {@link #locations} form; {@value FilesOptions#DEFAULT_DATASET} when not set. */
    public Builder dataset(String name) {
      return set(FilesOptions.DATASET, name);
    }

    /** The file format; required for a destination, by extension for a source when not set. */
    public Builder format(Format format) {
      return set(FilesOptions.FORMAT, format.optionValue());
    }

    /** The Parquet codec; zstd when not set. */
    public Builder compression(ParquetCompression compression) {
      return set(FilesOptions.COMPRESSION, compression.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The compression of CSV and JSON Lines files: written compressed with that codec (and its extension,
     * {@code .csv.gz}...); read with it, or by extension with {@code AUTO} (the default for sources). For
     * Parquet, the codec of the pages ({@code AUTO} is zstd).
     */
    public Builder compression(io.copyjob.storage.files.format.compress.Compression compression) {
      return set(FilesOptions.COMPRESSION, compression.optionValue());
    }

    /** The size of the parts large files are read in, in bytes; 0 reads each file whole. Default 64 MiB. */
    public Builder splitSize(long bytes) {
      return set(FilesOptions.SPLIT_SIZE, Long.toString(bytes));
    }

    /** Quoted CSV values may hold line breaks: each CSV file is read whole, never in byte ranges. */
    public Builder csvMultiline() {
      return set(FilesOptions.CSV_MULTILINE, "true");
    }

    /** Starts a new file once a file has reached this many bytes (checked after each batch). */
    public Builder maxBytesPerFile(long bytes) {
      return set(FilesOptions.MAX_BYTES_PER_FILE, Long.toString(bytes));
    }

    /** The CSV field separator; {@code ,} when not set. */
    public Builder csvDelimiter(char delimiter) {
      return set(FilesOptions.CSV_DELIMITER, String.valueOf(delimiter));
    }

    /** The CSV quote character; {@code "} when not set. */
    public Builder csvQuote(char quote) {
      return set(FilesOptions.CSV_QUOTE, String.valueOf(quote));
    }

    /** CSV files have no header row: columns are {@code column1}, {@code column2}, ... */
    public Builder csvWithoutHeader() {
      return set(FilesOptions.CSV_HEADER, "false");
    }

    /** Sources: a field terminator of one or more characters (COPY INTO's FIELDTERMINATOR). */
    public Builder csvDelimiter(String delimiter) {
      return set(FilesOptions.CSV_DELIMITER, delimiter);
    }

    /** Sources: the row terminator (COPY INTO's ROWTERMINATOR); CRLF, LF or CR when not set. */
    public Builder csvRowTerminator(String terminator) {
      return set(FilesOptions.CSV_ROW_TERMINATOR, terminator);
    }

    /** Sources: the 1-based row reading starts at (COPY INTO's FIRSTROW). */
    public Builder csvFirstRow(long row) {
      return set(FilesOptions.CSV_FIRST_ROW, Long.toString(row));
    }

    /** Sources: the encoding of CSV files (COPY INTO's ENCODING); UTF-8 when not set. */
    public Builder csvEncoding(io.copyjob.storage.files.format.csv.CsvEncoding encoding) {
      return set(FilesOptions.CSV_ENCODING, encoding.name().toLowerCase(Locale.ROOT));
    }

    /** Sources: the order of non-ISO dates (COPY INTO's DATEFORMAT); mdy when not set. */
    public Builder csvDateFormat(io.copyjob.storage.files.format.declared.DateOrder order) {
      return set(FilesOptions.CSV_DATE_FORMAT, order.name().toLowerCase(Locale.ROOT));
    }

    /** Sources: a row with another field count than the declared columns is rejected (MATCH_COLUMN_COUNT). */
    public Builder csvMatchColumnCount() {
      return set(FilesOptions.CSV_MATCH_COLUMN_COUNT, "true");
    }

    /** Sources: the declared columns of the files (COPY INTO's column list); see {@link FilesOptions}. */
    public Builder columns(io.copyjob.storage.files.format.declared.DeclaredColumns columns) {
      return set(FilesOptions.COLUMNS, columns.toJson());
    }

    /** The output file name template (see {@link FileNameTemplate}). */
    public Builder fileName(String template) {
      return set(FilesOptions.FILE_NAME, template);
    }

    /** Starts a new file after this many rows. */
    public Builder maxRowsPerFile(long rows) {
      return set(FilesOptions.MAX_ROWS_PER_FILE, Long.toString(rows));
    }

    /** Any other option, such as a file store's ({@code s3.region}). */
    public Builder option(String key, String value) {
      return set(key, value);
    }

    private Builder set(String key, String value) {
      options.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
      return this;
    }

    /**
     * The spec. Checks the options that can be checked for any role; whether a format is required is checked
     * when a job uses the spec as a destination.
     *
     * @throws io.copyjob.CopyJobException {@code INVALID_OPTION} naming a bad option
     */
    public ConnectorSpec build() {
      FilesOptions.parse(ConnectorOptions.of(FilesConnectorProvider.TYPE, options, Set.of()), ConnectorRole.SOURCE);
      return ConnectorSpec.of(FilesConnectorProvider.TYPE, options);
    }
  }
}
