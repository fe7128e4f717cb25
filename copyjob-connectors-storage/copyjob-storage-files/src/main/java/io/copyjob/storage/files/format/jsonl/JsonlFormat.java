package io.copyjob.storage.files.format.jsonl;

import io.copyjob.data.Schema;
import io.copyjob.spi.RowRejects;
import io.copyjob.storage.files.format.declared.DeclaredColumns;
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
 * JSON Lines (one JSON object per line, UTF-8) through Jackson's streaming parser and generator, optionally
 * compressed (see {@link Compression}). See {@link JsonlTypeMapping} for how values are written and read. Large
 * uncompressed files are read in byte ranges cut at line feeds, which JSON cannot hold inside a value; a file
 * whose objects span several lines (not JSON Lines) then fails to parse.
 */
public final class JsonlFormat implements FileFormat {
  /** With declared columns, lines are read one by one: the most bytes one line may hold, 16 MiB. */
  public static final int MAX_LINE_BYTES = 16 << 20;

  private final Compression compression;
  private final DeclaredColumns declared;
  /** Per file read in byte ranges: the lines before each range, counted once for all its readers. */
  private final Map<String, LineIndex> lineIndexes = new ConcurrentHashMap<>();

  /** Uncompressed JSON Lines; reading detects compression by extension. */
  public JsonlFormat() {
    this(Compression.AUTO);
  }

  /**
   * JSON Lines compressed with {@code compression}: for reading, a codec or {@code AUTO} (by extension); for
   * writing, a codec or {@code NONE} ({@code AUTO} writes uncompressed).
   */
  public JsonlFormat(Compression compression) {
    this(compression, null);
  }

  /**
   * JSON Lines as above whose values are taken from the {@code declared} columns' JSON paths and parsed into
   * their types; null to read every key as text.
   */
  public JsonlFormat(Compression compression, DeclaredColumns declared) {
    this.compression = compression;
    this.declared = declared;
  }

  @Override
  public boolean readsDeclaredColumns() {
    return true;
  }

  /** The configured compression. */
  public Compression compression() {
    return compression;
  }

  @Override
  public String name() {
    return "jsonl";
  }

  /** {@code jsonl}, or {@code jsonl.gz}, {@code jsonl.snappy}, {@code jsonl.zst} when writing compressed. */
  @Override
  public String extension() {
    String codec = writeCompression().extension();
    return codec.isEmpty() ? "jsonl" : "jsonl." + codec;
  }

  private Compression writeCompression() {
    return compression == Compression.AUTO ? Compression.NONE : compression;
  }

  @Override
  public Schema readSchema(FileStore store, FileInfo file) {
    if (declared != null) {
      return declared.schema();
    }
    try (JsonlFileReader reader = new JsonlFileReader(store, FilePart.whole(file), compression)) {
      return JsonlTypeMapping.fromKeys(reader.sampleKeys(JsonlTypeMapping.SAMPLE_LINES));
    }
  }

  /**
   * Opens a reader. Keys missing from a line read as NULL; a key outside {@code datasetSchema} is an error
   * naming the file and line, so no value is ever dropped silently.
   */
  @Override
  public FormatReader openReader(FileStore store, FileInfo file, Schema datasetSchema, Schema columns, int batchRows) {
    return openReader(store, FilePart.whole(file), datasetSchema, columns, batchRows);
  }

  /** Byte ranges of {@code targetBytes} for an uncompressed file. */
  @Override
  public List<FilePart> split(FileStore store, FileInfo file, long targetBytes) {
    if (compression.forFile(file.name()) != Compression.NONE) {
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
    if (declared != null) {
      LineIndex lines = part.start() == 0 ? null : lineIndexes.computeIfAbsent(part.file().path(),
          path -> new LineIndex(store, path, false));
      return new JsonlDeclaredReader(store, part, compression, declared, columns, batchRows, rejects, MAX_LINE_BYTES,
          lines);
    }
    JsonlFileReader reader = new JsonlFileReader(store, part, compression);
    try {
      reader.project(datasetSchema, columns, batchRows);
      return reader;
    } catch (RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public void checkWritable(Schema schema) {
    JsonlTypeMapping.check(schema);
  }

  @Override
  public Schema readBackSchema(Schema written) {
    return JsonlTypeMapping.readBack(written);
  }

  @Override
  public FormatWriter openWriter(PendingFile file, String displayName, Schema schema) {
    return new JsonlFileWriter(file, displayName, schema, writeCompression());
  }
}
