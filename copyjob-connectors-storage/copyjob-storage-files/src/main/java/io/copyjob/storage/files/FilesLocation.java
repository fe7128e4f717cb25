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
 *     .csvDelimiter(';').maxRowsPerFile(1_000_000).build()
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

    /** The file format; required for a destination, by extension for a source when not set. */
    public Builder format(Format format) {
      return set(FilesOptions.FORMAT, format.optionValue());
    }

    /** The Parquet codec; zstd when not set. */
    public Builder compression(ParquetCompression compression) {
      return set(FilesOptions.COMPRESSION, compression.name().toLowerCase(Locale.ROOT));
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
