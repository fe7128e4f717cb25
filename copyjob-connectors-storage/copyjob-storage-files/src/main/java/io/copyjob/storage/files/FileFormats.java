package io.copyjob.storage.files;

import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.csv.CsvFormat;
import io.copyjob.storage.files.format.jsonl.JsonlFormat;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import java.util.Locale;
import java.util.Optional;

/** Picks the {@link FileFormat} for the {@code format} option or for a file's extension. */
final class FileFormats {
  private FileFormats() {
  }

  /** The format named {@code name} ({@code csv}, {@code jsonl}, {@code parquet}) with the options' settings. */
  static FileFormat byName(String name, FilesOptions options) {
    switch (name) {
      case "csv": return new CsvFormat(options.csv(), options.textCompression(), options.columns().orElse(null));
      case "jsonl": return new JsonlFormat(options.textCompression(), options.columns().orElse(null));
      case "parquet": return new ParquetFormat(options.compression());
      default: throw new IllegalArgumentException("unknown format " + name);
    }
  }

  /**
   * The format of a file named {@code fileName}: the configured one when set, else by extension
   * ({@code .csv}; {@code .jsonl}, {@code .ndjson}; {@code .parquet}, {@code .pq}), after a compression extension
   * ({@code .csv.gz}, {@code .jsonl.zst}, ...: see {@link Compression}); empty when unknown. Parquet files are
   * compressed inside, never as a whole.
   */
  static Optional<FileFormat> forFile(String fileName, FilesOptions options) {
    if (options.format().isPresent()) {
      return Optional.of(byName(options.format().get(), options));
    }
    String lower = Compression.stripExtension(fileName.toLowerCase(Locale.ROOT));
    if (lower.endsWith(".csv")) {
      return Optional.of(byName("csv", options));
    }
    if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
      return Optional.of(byName("jsonl", options));
    }
    if ((lower.endsWith(".parquet") || lower.endsWith(".pq")) && lower.length() == fileName.length()) {
      return Optional.of(byName("parquet", options));
    }
    return Optional.empty();
  }
}
