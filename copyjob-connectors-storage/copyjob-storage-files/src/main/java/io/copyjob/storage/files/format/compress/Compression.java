package io.copyjob.storage.files.format.compress;

import java.util.Locale;
import java.util.Optional;

/**
 * How CSV and JSON Lines files are compressed: the value of the {@code compression} option for text formats.
 *
 * <table>
 *   <caption>Codecs</caption>
 *   <tr><th>value</th><th>extension</th><th>stream format</th></tr>
 *   <tr><td>{@code gzip}</td><td>{@code .gz}</td><td>RFC 1952, one or more members (concatenated gzip files
 *       read as one); JDK {@link java.util.zip.Inflater}/{@link java.util.zip.Deflater}</td></tr>
 *   <tr><td>{@code snappy}</td><td>{@code .snappy}</td><td>written in Hadoop's block framing (what Hadoop's
 *       {@code SnappyCodec}, Spark and Hive write for {@code .snappy} text files); read in that framing or in
 *       the Snappy framing format ({@code x-snappy-framed}), told apart by its stream identifier; snappy-java
 *       does the compression</td></tr>
 *   <tr><td>{@code zstd}</td><td>{@code .zst}</td><td>Zstandard frames (several frames read as one); zstd-jni</td></tr>
 *   <tr><td>{@code none}</td><td></td><td>plain text</td></tr>
 *   <tr><td>{@code auto}</td><td></td><td>reading only: by each file's last extension ({@code .gz}/{@code .gzip},
 *       {@code .snappy}, {@code .zst}/{@code .zstd}), else none</td></tr>
 * </table>
 */
public enum Compression {
  /** Plain text. */
  NONE(""),
  /** gzip (RFC 1952). */
  GZIP("gz"),
  /** Snappy in Hadoop's block framing. */
  SNAPPY("snappy"),
  /** Zstandard. */
  ZSTD("zst"),
  /** Reading only: the codec named by each file's extension. */
  AUTO("");

  private final String extension;

  Compression(String extension) {
    this.extension = extension;
  }

  /** The extension this codec's files get, without the dot; empty for {@link #NONE} and {@link #AUTO}. */
  public String extension() {
    return extension;
  }

  /** The option value: {@code gzip}, {@code snappy}, ... */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The codec a file name's last extension names, case-insensitively; empty when it names none. */
  public static Optional<Compression> ofExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz") || lower.endsWith(".gzip")) {
      return Optional.of(GZIP);
    }
    if (lower.endsWith(".snappy")) {
      return Optional.of(SNAPPY);
    }
    if (lower.endsWith(".zst") || lower.endsWith(".zstd")) {
      return Optional.of(ZSTD);
    }
    return Optional.empty();
  }

  /** {@code fileName} without a compression extension: {@code a.csv.gz} gives {@code a.csv}. */
  public static String stripExtension(String fileName) {
    if (ofExtension(fileName).isEmpty()) {
      return fileName;
    }
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }

  /** The codec to read {@code fileName} with: this one, or for {@link #AUTO} the one its extension names. */
  public Compression forFile(String fileName) {
    return this == AUTO ? ofExtension(fileName).orElse(NONE) : this;
  }
}
