package io.copyjob.storage.files.format.csv;

import io.copyjob.data.Schema;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
import io.copyjob.storage.files.format.FileErrors;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.FilePart;
import io.copyjob.storage.files.format.FormatReader;
import io.copyjob.storage.files.format.FormatWriter;
import io.copyjob.storage.files.format.LineIndex;
import io.copyjob.storage.files.format.TextSplits;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.PendingFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CSV, optionally compressed (see {@link Compression}): read by {@link CsvTokenizer} (multi-character field and
 * row terminators, UTF-8 or UTF-16, rejected rows with their exact bytes), written by FastCSV. See
 * {@link CsvTypeMapping} for how values become text and back, and {@link CsvFileReader} for the two reading
 * modes (STRING columns named by the header, or {@link DeclaredColumns}). Large uncompressed files are read in
 * byte ranges when {@link CsvSettings#splittable()}; otherwise each file is read whole.
 */
public final class CsvFormat implements FileFormat {
  private final CsvSettings settings;
  private final Compression compression;
  private final DeclaredColumns declared;
  /** Per file read in byte ranges: the lines before each range, counted once for all its readers. */
  private final Map<String, LineIndex> lineIndexes = new ConcurrentHashMap<>();

  /** Uncompressed CSV delimited and quoted as {@code settings} say; reading detects compression by extension. */
  public CsvFormat(CsvSettings settings) {
    this(settings, Compression.AUTO);
  }

  /**
   * CSV delimited and quoted as {@code settings} say, compressed with {@code compression}: for reading, a codec
   * or {@code AUTO} (by extension); for writing, a codec or {@code NONE} ({@code AUTO} writes uncompressed).
   */
  public CsvFormat(CsvSettings settings, Compression compression) {
    this(settings, compression, null);
  }

  /**
   * CSV as above whose rows are read into {@code declared} columns (by field number, with COPY INTO's value
   * semantics); null to read STRING columns named by the header.
   */
  public CsvFormat(CsvSettings settings, Compression compression, DeclaredColumns declared) {
    this.settings = settings;
    this.compression = compression;
    this.declared = declared;
  }

  @Override
  public boolean readsDeclaredColumns() {
    return true;
  }

  /** The delimiter, quote and header settings. */
  public CsvSettings settings() {
    return settings;
  }

  /** The configured compression. */
  public Compression compression() {
    return compression;
  }

  @Override
  public String name() {
    return "csv";
  }

  /** {@code csv}, or {@code csv.gz}, {@code csv.snappy}, {@code csv.zst} when writing compressed. */
  @Override
  public String extension() {
    String codec = writeCompression(compression).extension();
    return codec.isEmpty() ? "csv" : "csv." + codec;
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    if (declared != null) {
      return declared.schema();
    }
    try (CsvFileReader reader = new CsvFileReader(store, FilePart.whole(file), settings, compression, null, null,
        null)) {
      return reader.fileSchema();
    }
  }

  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    return openReader(store, FilePart.whole(file), datasetSchema, columns, batchRows);
  }

  /**
   * Byte ranges of {@code targetBytes} for an uncompressed file whose rows a reader can find from any offset
   * ({@link CsvSettings#splittable()}); otherwise the whole file.
   */
  @Override
  public List<FilePart> split(FileStore store, FileInfo file, long targetBytes) {
    if (!settings.splittable() || compression.forFile(file.name()) != Compression.NONE) {
      return List.of(FilePart.whole(file));
    }
    return TextSplits.byteRanges(file, targetBytes);
  }

  @Override
  public FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows) {
    return openReader(store, part, datasetSchema, columns, batchRows, null);
  }

  @Override
  public FormatReader openReader(FileStore store, FilePart part, Schema datasetSchema, Schema columns,
      int batchRows, RowRejects rejects) {
    LineIndex lines = part.start() == 0 ? null : lineIndexes.computeIfAbsent(part.file().path(),
        path -> new LineIndex(store, path, settings.rowTerminator() == null));
    CsvFileReader reader = new CsvFileReader(store, part, settings, compression, datasetSchema, declared, lines);
    try {
      if (declared == null && part.start() == 0 && !reader.fileSchema().names().equals(datasetSchema.names())) {
        throw FileErrors.schemaMismatch(store.displayName(part.file().path()), "the file's columns "
            + reader.fileSchema().names() + " differ from the dataset's " + datasetSchema.names()
            + " (taken from its first file)");
      }
      reader.project(columns, batchRows, rejects);
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public void checkWritable(Schema schema) {
    CsvTypeMapping.encoders(schema);
  }

  @Override
  public Schema readBackSchema(Schema written) {
    return CsvTypeMapping.readBack(written, settings.header());
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new CsvFileWriter(file, displayName, schema, settings, writeCompression(compression));
  }

  /** The codec to write with: {@code AUTO} writes uncompressed. */
  static Compression writeCompression(Compression configured) {
    return configured == Compression.AUTO ? Compression.NONE : configured;
  }
}
