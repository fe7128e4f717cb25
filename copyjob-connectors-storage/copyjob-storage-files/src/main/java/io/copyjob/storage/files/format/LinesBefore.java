package io.copyjob.storage.files.format;

import io.copyjob.storage.files.store.FileStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * The number of lines before an offset of an uncompressed text file, so that a reader of a byte range can name
 * lines counted from the start of the file (as COPY INTO's error file does) rather than from its range. Only
 * computed when a range has something to report: it reads the file from 0 to the offset.
 */
public final class LinesBefore {
  private final FileStore store;
  private final String path;
  private final boolean crIsLineEnd;
  private long offset = -1;
  private long lines;

  /**
   * @param crIsLineEnd whether a CR not followed by LF also ends a line (CSV's default row terminator); false
   *                    counts line feeds only
   */
  public LinesBefore(FileStore store, String path, boolean crIsLineEnd) {
    this.store = store;
    this.path = path;
    this.crIsLineEnd = crIsLineEnd;
  }

  /** Lines that end before byte {@code offset} (a row start, so never inside a CRLF); counted once. */
  public long at(long offset) throws IOException {
    if (offset <= 0) {
      return 0;
    }
    if (this.offset == offset) {
      return lines;
    }
    long count = 0;
    byte[] buf = new byte[64 * 1024];
    long left = offset;
    boolean cr = false;
    try (InputStream in = store.openRead(path)) {
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
    this.offset = offset;
    this.lines = count;
    return count;
  }
}
