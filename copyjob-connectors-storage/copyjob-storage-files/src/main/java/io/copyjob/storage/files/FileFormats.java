package io.copyjob.storage.files;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FileFormatProvider;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.format.csv.CsvFormat;
import io.copyjob.storage.files.format.jsonl.JsonlFormat;
import io.copyjob.storage.files.format.parquet.ParquetFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the {@link FileFormat} for the {@code format} option or for a file's extension: the built-in ones, then
 * those of the {@link FileFormatProvider}s on the class path.
 */
final class FileFormats {
  private FileFormats() {
  }

  /** Every format name the {@code format} option accepts: the built-in ones, then the providers'. */
  static List<String> names() {
    List<String> names = new ArrayList<>(FilesOptions.FORMATS);
    Providers.ALL.forEach(p -> names.add(p.name()));
    return names;
  }

  /**
   * The format named {@code name} ({@code csv}, {@code jsonl}, {@code parquet}, or a provider's) with the
   * options' settings.
   *
   * @throws CopyJobException {@code INVALID_OPTION} listing the formats on the class path when none has the name
   */
  static FileFormat byName(String name, FilesOptions options) {
    switch (name) {
      case "csv": return new CsvFormat(options.csv(), options.textCompression(), options.columns().orElse(null));
      case "jsonl": return new JsonlFormat(options.textCompression(), options.columns().orElse(null));
      case "parquet": return new ParquetFormat(options.compression());
      default:
        for (FileFormatProvider p : Providers.ALL) {
          if (p.name().equals(name)) {
            return p.create(options);
          }
        }
        throw CopyJobException.of(ErrorCode.INVALID_OPTION, "option 'format' " + unknown(name));
    }
  }

  /** Says that {@code name} is no format on the class path, listing those that are. */
  static String unknown(String name) {
    return "must be one of " + String.join(", ", names()) + ", got '" + name + "'"
        + ("orc".equals(name) ? "; ORC files need the copyjob-storage-orc artifact on the class path" : "");
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
    // Provider formats compress inside the file (as ORC does), so their extension ends the name.
    String name = fileName.toLowerCase(Locale.ROOT);
    for (FileFormatProvider p : Providers.ALL) {
      for (String extension : p.extensions()) {
        if (name.endsWith("." + extension)) {
          return Optional.of(p.create(options));
        }
      }
    }
    return Optional.empty();
  }

  /** The providers visible to this class's class loader and the thread's context class loader, found once. */
  private static final class Providers {
    static final List<FileFormatProvider> ALL = load();

    private static List<FileFormatProvider> load() {
      List<FileFormatProvider> all = new ArrayList<>();
      ServiceLoader.load(FileFormatProvider.class, FileFormats.class.getClassLoader()).forEach(all::add);
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && context != FileFormats.class.getClassLoader()) {
        for (FileFormatProvider p : ServiceLoader.load(FileFormatProvider.class, context)) {
          if (all.stream().noneMatch(q -> q.getClass() == p.getClass())) {
            all.add(p);
          }
        }
      }
      return List.copyOf(all);
    }
  }
}
