package io.copyjob.sql.postgresql;

import java.io.IOException;

/**
 * A large reusable buffer that COPY FROM STDIN data is encoded into, big-endian, and handed to the driver in
 * big chunks (one CopyData message per flush rather than per row). Not thread-safe.
 */
final class CopyOutput {
  /** Where full buffers go: the driver's CopyIn, or a byte stream in tests. */
  interface ChunkSink {
    void write(byte[] data, int offset, int length) throws IOException;
  }

  static final int DEFAULT_SIZE = 256 * 1024;

  private final ChunkSink sink;
  private final byte[] buf;
  private int pos;
  private long bytesWritten;

  CopyOutput(ChunkSink sink, int size) {
    this.sink = sink;
    this.buf = new byte[size];
  }

  long bytesWritten() {
    return bytesWritten + pos;
  }

  /** Makes room for {@code n} bytes, flushing when needed; false when {@code n} exceeds the buffer. */
  boolean ensure(int n) throws IOException {
    if (buf.length - pos < n) {
      flush();
    }
    return buf.length >= n;
  }

  void flush() throws IOException {
    if (pos > 0) {
      sink.write(buf, 0, pos);
      bytesWritten += pos;
      pos = 0;
    }
  }

  void writeByte(int v) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) v;
  }

  void writeShort(int v) throws IOException {
    ensure(2);
    buf[pos] = (byte) (v >>> 8);
    buf[pos + 1] = (byte) v;
    pos += 2;
  }

  void writeInt(int v) throws IOException {
    ensure(4);
    putInt(pos, v);
    pos += 4;
  }

  void writeLong(long v) throws IOException {
    ensure(8);
    byte[] b = buf;
    int p = pos;
    b[p] = (byte) (v >>> 56);
    b[p + 1] = (byte) (v >>> 48);
    b[p + 2] = (byte) (v >>> 40);
    b[p + 3] = (byte) (v >>> 32);
    b[p + 4] = (byte) (v >>> 24);
    b[p + 5] = (byte) (v >>> 16);
    b[p + 6] = (byte) (v >>> 8);
    b[p + 7] = (byte) v;
    pos = p + 8;
  }

  /** A field of fixed width: its length then {@code v}. Saves a bounds check against two calls. */
  void writeIntField(int v) throws IOException {
    ensure(8);
    putInt(pos, 4);
    putInt(pos + 4, v);
    pos += 8;
  }

  void writeLongField(long v) throws IOException {
    writeInt(8);
    writeLong(v);
  }

  void writeBytes(byte[] b, int off, int len) throws IOException {
    if (ensure(len)) {
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    } else {
      flush();
      sink.write(b, off, len);
      bytesWritten += len;
    }
  }

  /** A length-prefixed UTF-8 field, encoded straight into the buffer when it fits. */
  void writeUtf8Field(String s) throws IOException {
    int max = s.length() * 3;
    if (max + 4 > buf.length) {
      byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      writeInt(bytes.length);
      writeBytes(bytes, 0, bytes.length);
      return;
    }
    ensure(max + 4);
    int start = pos + 4;
    int end = encodeUtf8(s, start);
    putInt(pos, end - start);
    pos = end;
  }

  /** A length-prefixed field of a version byte and UTF-8 text: jsonb's binary form. */
  void writeVersionedUtf8Field(int version, String s) throws IOException {
    int max = s.length() * 3 + 1;
    if (max + 4 > buf.length) {
      byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      writeInt(bytes.length + 1);
      writeByte(version);
      writeBytes(bytes, 0, bytes.length);
      return;
    }
    ensure(max + 4);
    buf[pos + 4] = (byte) version;
    int start = pos + 5;
    int end = encodeUtf8(s, start);
    putInt(pos, end - start + 1);
    pos = end;
  }

  /**
   * Text in the COPY text format: UTF-8 with backslash, tab, newline and carriage return escaped, so that the
   * field delimiter and row end stay unambiguous and {@code \N} keeps meaning NULL.
   */
  void writeCopyText(CharSequence s) throws IOException {
    int max = s.length() * 3;
    if (max > buf.length) {
      StringBuilder sb = new StringBuilder(s.length() + 16);
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        String esc = escape(c);
        if (esc == null) {
          sb.append(c);
        } else {
          sb.append(esc);
        }
      }
      writeUtf8(sb);
      return;
    }
    ensure(max);
    byte[] b = buf;
    int p = pos;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // rare: hand the rest to the UTF-8 encoder with escapes applied char by char
        pos = p;
        writeCopyTextSlow(s, i);
        return;
      }
      switch (c) {
        case '\\': b[p++] = '\\'; b[p++] = '\\'; break;
        case '\t': b[p++] = '\\'; b[p++] = 't'; break;
        case '\n': b[p++] = '\\'; b[p++] = 'n'; break;
        case '\r': b[p++] = '\\'; b[p++] = 'r'; break;
        default: b[p++] = (byte) c;
      }
    }
    pos = p;
  }

  private void writeCopyTextSlow(CharSequence s, int from) throws IOException {
    StringBuilder sb = new StringBuilder(s.length() - from + 16);
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      String esc = escape(c);
      if (esc == null) {
        sb.append(c);
      } else {
        sb.append(esc);
      }
    }
    writeUtf8(sb);
  }

  private static String escape(char c) {
    switch (c) {
      case '\\': return "\\\\";
      case '\t': return "\\t";
      case '\n': return "\\n";
      case '\r': return "\\r";
      default: return null;
    }
  }

  /** Raw UTF-8 text without a length, e.g. for the text COPY format. */
  void writeUtf8(CharSequence s) throws IOException {
    int max = s.length() * 3;
    if (max > buf.length) {
      byte[] bytes = s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      writeBytes(bytes, 0, bytes.length);
      return;
    }
    ensure(max);
    pos = encodeUtf8(s, pos);
  }

  /** Writes a 4-byte big-endian int at {@code at} without moving the position. */
  private void putInt(int at, int v) {
    byte[] b = buf;
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  /** Encodes {@code s} at {@code p}, which has room for 3 bytes per char, and returns the end. */
  private int encodeUtf8(CharSequence s, int p) {
    byte[] b = buf;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xc0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xf0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        b[p++] = (byte) '?'; // a lone surrogate has no UTF-8 form; String.getBytes does the same
      } else {
        b[p++] = (byte) (0xe0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        b[p++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return p;
  }
}
