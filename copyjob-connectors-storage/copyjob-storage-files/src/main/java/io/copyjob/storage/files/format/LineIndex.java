package io.copyjob.storage.files.format;

import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many lines an uncompressed text file has before an offset, so that readers of its byte ranges can name
 * lines counted from the start of the file (as COPY INTO's error file does) rather than from their range.
 * Shared by the readers of one file: counts are kept per offset asked for, and a new offset is counted from the
 * nearest known one below it, so the file is read about once however many ranges ask. Only used when a range
 * has something to report. Thread-safe.
 */
public final class LineIndex {
  private final FileStore store;
  private final String path;
  private final boolean crIsLineEnd;
  private final TreeMap<Long, Long> known = new TreeMap<>(Map.of(0L, 0L));

  /**
   * @param crIsLineEnd whether a CR not followed by LF also ends a line (CSV's default row terminator); false
   *                    counts line feeds only
   */
  public LineIndex(FileStore store, String path, boolean crIsLineEnd) {
    this.store = store;
    this.path = path;
    this.crIsLineEnd = crIsLineEnd;
  }

  /** Lines that end before byte {@code offset}, which must follow a line feed (a range's first row start). */
  public synchronized long linesBefore(long offset) throws IOException {
    Map.Entry<Long, Long> from = known.floorEntry(offset);
    if (from.getKey() == offset) {
      return from.getValue();
    }
    long count = from.getValue();
    long left = offset - from.getKey();
    byte[] buf = new byte[64 * 1024];
    boolean cr = false; // known offsets follow a line feed, so no CRLF straddles them
    try (InputStream in = store.openRead(path, from.getKey())) {
      while (left > 0) {
        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            count++;
            cr = false;
          } else {
            if (cr) {
              count++;
            }
            cr = crIsLineEnd && b == '\r';
          }
        }
        left -= n;
      }
    }
    if (cr) {
      count++;
    }
    known.put(offset, count);
    return count;
  }
}
