package io.copyjob.storage.delta;

import io.copyjob.ConnectorSpec;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the {@link ConnectorSpec} of a {@code delta} source or destination in code; it holds exactly the options a
 * JSON job definition would. Store options ({@code s3.*}, {@code azure.*}) go through {@link Builder#option}.
 */
public final class DeltaLocation {
  private DeltaLocation() {
  }

  /** The Delta tables below a local folder. */
  public static ConnectorSpec of(Path folder) {
    return builder(folder.toAbsolutePath().toString()).build();
  }

  /** The Delta tables below {@code location}: a path, {@code file:}, {@code s3://} or Azure URL. */
  public static Builder builder(String location) {
    return new Builder(location);
  }

  /** Collects the options of a {@code delta} connector. */
  public static final class Builder {
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder(String location) {
      options.put(DeltaOptions.LOCATION, location);
    }

    /** Parquet codec of data files: {@code zstd} (the default), {@code snappy}, {@code gzip}, {@code none}. */
    public Builder compression(String codec) {
      return option(DeltaOptions.COMPRESSION, codec);
    }

    /** Bytes after which a writer starts a new data file. */
    public Builder targetFileSize(long bytes) {
      return option(DeltaOptions.TARGET_FILE_SIZE, Long.toString(bytes));
    }

    /** Reads this version of each table instead of the latest. */
    public Builder version(long version) {
      return option(DeltaOptions.VERSION, Long.toString(version));
    }

    /** Any other option, e.g. {@code s3.endpoint}. */
    public Builder option(String key, String value) {
      options.put(key, value);
      return this;
    }

    public ConnectorSpec build() {
      return ConnectorSpec.of(DeltaConnectorProvider.TYPE, options);
    }
  }
}
