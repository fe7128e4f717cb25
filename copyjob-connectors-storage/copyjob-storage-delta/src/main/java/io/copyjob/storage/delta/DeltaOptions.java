package io.copyjob.storage.delta;

import io.copyjob.spi.ConnectorOptions;
import io.copyjob.storage.files.format.parquet.ParquetCompression;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of the {@code delta} connector.
 *
 * <table>
 *   <caption>Options</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #LOCATION}</td><td>the folder (local path, {@code file:}, {@code s3://}, Azure URL) holding the
 *       tables; table {@code ns.name} is the Delta table at {@code <location>/ns/name}</td><td>required</td></tr>
 *   <tr><td>{@value #COMPRESSION}</td><td>Parquet codec of the data files: zstd, snappy, gzip, none</td>
 *       <td>zstd</td></tr>
 *   <tr><td>{@value #TARGET_FILE_SIZE}</td><td>bytes after which a writer starts a new data file (checked after each
 *       batch); a number or {@code 128MiB}-style</td><td>128MiB</td></tr>
 *   <tr><td>{@value #SCHEMA_EVOLUTION}</td><td>{@code true}: a new nullable source column is added to the table</td>
 *       <td>false</td></tr>
 *   <tr><td>{@value #PARTITION_BY}</td><td>comma-separated columns a table copyjob creates is partitioned by</td>
 *       <td>none</td></tr>
 *   <tr><td>{@value #VERSION}</td><td>as a source: read this table version instead of the latest</td>
 *       <td>latest</td></tr>
 * </table>
 *
 * <p>Keys with a dot ({@code s3.region}, {@code azure.sasToken}) are the file store's; any other unknown key is an
 * error, so a misspelt option does not pass silently.
 */
final class DeltaOptions {
  static final String LOCATION = "location";
  static final String COMPRESSION = "compression";
  static final String TARGET_FILE_SIZE = "targetFileSize";
  static final String SCHEMA_EVOLUTION = "schemaEvolution";
  static final String VERSION = "version";
  static final String PARTITION_BY = "partitionBy";
  private static final Set<String> KNOWN = Set.of(LOCATION, COMPRESSION, TARGET_FILE_SIZE, SCHEMA_EVOLUTION, VERSION,
      PARTITION_BY);
  static final long DEFAULT_TARGET_FILE_SIZE = 128L * 1024 * 1024;

  private final String location;
  private final ParquetCompression compression;
  private final long targetFileSize;
  private final boolean schemaEvolution;
  private final long version;
  private final java.util.List<String> partitionBy;

  private DeltaOptions(ConnectorOptions options) {
    for (String key : options.asMap().keySet()) {
      if (!KNOWN.contains(key) && key.indexOf('.') < 0) {
        throw options.invalid(key, "is unknown; known options: " + String.join(", ", new TreeSet<>(KNOWN)));
      }
    }
    this.location = options.require(LOCATION);
    this.compression = options.getEnum(COMPRESSION, ParquetCompression.class, ParquetCompression.ZSTD);
    this.targetFileSize = size(options, TARGET_FILE_SIZE, DEFAULT_TARGET_FILE_SIZE);
    this.schemaEvolution = options.getBoolean(SCHEMA_EVOLUTION, false);
    this.version = options.getLong(VERSION, -1);
    this.partitionBy = options.get(PARTITION_BY).map(v -> java.util.Arrays.stream(v.split(",")).map(String::trim)
        .filter(c -> !c.isEmpty()).toList()).orElse(java.util.List.of());
    if (options.get(VERSION).isPresent() && version < 0) {
      throw options.invalid(VERSION, "must be a table version, 0 or more");
    }
  }

  static DeltaOptions parse(ConnectorOptions options) {
    return new DeltaOptions(options);
  }

  private static long size(ConnectorOptions options, String key, long defaultValue) {
    String v = options.get(key).orElse(null);
    if (v == null) {
      return defaultValue;
    }
    String t = v.trim().toUpperCase(java.util.Locale.ROOT).replace("IB", "").replace("B", "");
    long unit = 1;
    if (!t.isEmpty() && "KMGT".indexOf(t.charAt(t.length() - 1)) >= 0) {
      unit = 1L << (10 * ("KMGT".indexOf(t.charAt(t.length() - 1)) + 1));
      t = t.substring(0, t.length() - 1).trim();
    }
    try {
      long n = Long.parseLong(t) * unit;
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw options.invalid(key, "must be a positive size such as 134217728 or 128MiB, got '" + v + "'");
  }

  String location() { return location; }

  ParquetCompression compression() { return compression; }

  long targetFileSize() { return targetFileSize; }

  boolean schemaEvolution() { return schemaEvolution; }

  /** The partition columns of tables the sink creates. */
  java.util.List<String> partitionBy() { return partitionBy; }

  /** The version to read, or empty for the latest. */
  java.util.OptionalLong version() {
    return version < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(version);
  }
}
