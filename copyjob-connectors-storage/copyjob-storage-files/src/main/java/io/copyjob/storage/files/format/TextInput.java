package io.copyjob.storage.files.format;

import io.copyjob.storage.files.format.compress.Codecs;
import io.copyjob.storage.files.format.compress.Compression;
import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The bytes a CSV or JSON Lines reader parses: the file (or, for a {@link FilePart} that is not the whole file,
 * the rows of its byte range, see {@link RowRangeInputStream}), decompressed. Counts the bytes fetched from the
 * store, compressed.
 */
public final class TextInput implements AutoCloseable {
  private final CountingInputStream raw;
  private final InputStream text;
  private final RowRangeInputStream range;

  private TextInput(CountingInputStream raw, InputStream text, RowRangeInputStream range) {
    this.raw = raw;
    this.text = text;
    this.range = range;
  }

  /**
   * Opens {@code part} of a file compressed with {@code codec} (already resolved, not {@code AUTO}); only whole
   * files can be compressed.
   */
  public static TextInput open(FileStore store, FilePart part, Compression codec, RowRangeInputStream.Rows rows)
      throws IOException {
    if (part.isWhole()) {
      CountingInputStream raw = new CountingInputStream(store.openRead(part.file().path()));
      try {
        return new TextInput(raw, Codecs.decoding(codec, raw), null);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
    }
    if (codec != Compression.NONE) {
      throw new IllegalArgumentException("a " + codec + " file cannot be read in byte ranges");
    }
    CountingInputStream raw = new CountingInputStream(store.openRead(part.file().path(),
        RowRangeInputStream.openOffset(part.start())));
    long end = part.index() == part.count() - 1 ? Long.MAX_VALUE : part.end();
    RowRangeInputStream range = new RowRangeInputStream(Codecs.decoding(Compression.NONE, raw), part.start(), end,
        rows);
    return new TextInput(raw, range, range);
  }

  /** The text to parse. */
  public InputStream stream() {
    return text;
  }

  /** Bytes fetched from the store so far. */
  public long bytesRead() {
    return raw.count();
  }

  /** For a byte range: where its rows began and ended, once the stream is exhausted. */
  public Optional<RowSpan> span() {
    return range == null ? Optional.empty() : Optional.of(range.span());
  }

  @Override
  public void close() {
    try {
      text.close();
    } catch (IOException e) {
      // Read-only: nothing to lose.
    }
  }
}
