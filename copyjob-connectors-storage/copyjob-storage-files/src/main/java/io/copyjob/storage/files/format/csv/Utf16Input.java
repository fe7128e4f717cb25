package io.copyjob.storage.files.format.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-16 CSV bytes as UTF-8, so that one byte-level tokenizer reads both encodings. A byte order mark decides
 * the byte order and is dropped; without one the bytes are little-endian, as SQL Server reads UTF-16. Bytes that
 * are not UTF-16 fail the read with a {@link java.nio.charset.MalformedInputException}. {@link #encode} turns a
 * record's UTF-8 bytes back into the file's bytes, for rejected rows.
 */
final class Utf16Input extends InputStream {
  private final Reader reader;
  private final Charset charset;
  private final char[] chars = new char[8192];
  private byte[] bytes = new byte[0];
  private int pos;
  private char pendingHigh;

  private Utf16Input(Reader reader, Charset charset) {
    this.reader = reader;
    this.charset = charset;
  }

  /** Reads {@code in} (from its first byte) as UTF-16. */
  static Utf16Input open(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] head = new byte[2];
    int n = p.readNBytes(head, 0, 2);
    Charset cs = StandardCharsets.UTF_16LE;
    if (n == 2 && head[0] == (byte) 0xFE && head[1] == (byte) 0xFF) {
      cs = StandardCharsets.UTF_16BE;
    } else if (!(n == 2 && head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)) {
      p.unread(head, 0, n);
    }
    Reader r = new InputStreamReader(p, cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    return new Utf16Input(r, cs);
  }

  /** The byte order read: UTF-16LE or UTF-16BE. */
  Charset charset() {
    return charset;
  }

  /** The file's bytes for text that this stream gave as {@code utf8}. */
  byte[] encode(byte[] utf8) {
    return new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (pos == bytes.length) {
      if (!decode()) {
        return -1;
      }
    }
    int n = Math.min(len, bytes.length - pos);
    System.arraycopy(bytes, pos, b, off, n);
    pos += n;
    return n;
  }

  private boolean decode() throws IOException {
    int start = 0;
    if (pendingHigh != 0) {
      chars[0] = pendingHigh;
      pendingHigh = 0;
      start = 1;
    }
    int n = reader.read(chars, start, chars.length - start);
    if (n < 0) {
      if (start == 1) {
        throw new java.nio.charset.MalformedInputException(2);
      }
      return false;
    }
    int total = start + n;
    if (Character.isHighSurrogate(chars[total - 1])) {
      pendingHigh = chars[--total]; // keep a pair together across reads
    }
    bytes = new String(chars, 0, total).getBytes(StandardCharsets.UTF_8);
    pos = 0;
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
