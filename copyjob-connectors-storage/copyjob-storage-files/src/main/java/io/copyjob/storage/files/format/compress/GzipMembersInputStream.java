package io.copyjob.storage.files.format.compress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads gzip (RFC 1952) with the JDK's {@link Inflater}: every member of a multi-member file (concatenated gzip
 * files), each member's CRC-32 and length checked. Unlike {@link java.util.zip.GZIPInputStream}, which silently
 * stops at bytes after a member that do not start another one, anything after the last member is an error, as is
 * a file that ends inside a member.
 */
final class GzipMembersInputStream extends InputStream {
  private static final int BUFFER = 64 * 1024;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private final PushbackInputStream in;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[BUFFER];
  private int bufferFilled;
  private long memberBytes;
  private int members;
  private boolean inMember;
  private boolean eof;

  GzipMembersInputStream(InputStream in) {
    this.in = new PushbackInputStream(in, BUFFER);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!eof) {
      if (!inMember && !startMember()) {
        eof = true;
        break;
      }
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new CorruptInputException("not valid gzip data in member " + members + ": " + e.getMessage(), e);
      }
      if (n > 0) {
        crc.update(b, off, n);
        memberBytes += n;
        return n;
      }
      if (inflater.finished()) {
        endMember();
      } else if (inflater.needsDictionary()) {
        throw new CorruptInputException("not valid gzip data: member " + members + " asks for a preset dictionary");
      } else if (inflater.needsInput()) {
        bufferFilled = in.read(buffer, 0, buffer.length);
        if (bufferFilled < 0) {
          throw new CorruptInputException("truncated gzip data: the file ends inside member " + members);
        }
        inflater.setInput(buffer, 0, bufferFilled);
      }
    }
    return -1;
  }

  /** Reads the next member's header; false at a clean end of the file after at least one member. */
  private boolean startMember() throws IOException {
    int b1 = in.read();
    if (b1 < 0) {
      if (members == 0) {
        throw new CorruptInputException("not gzip data: the file is empty");
      }
      return false;
    }
    int b2 = in.read();
    if (b1 != 0x1f || b2 != 0x8b) {
      throw new CorruptInputException(members == 0 ? "not gzip data: the file does not start with the gzip magic "
          + "bytes 1f 8b" : "trailing bytes after gzip member " + members + " that do not start another member");
    }
    members++;
    int method = readByte();
    if (method != 8) {
      throw new CorruptInputException("gzip member " + members + " uses compression method " + method
          + "; only deflate (8) exists");
    }
    int flags = readByte();
    skipBytes(6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      int length = readByte() | readByte() << 8;
      skipBytes(length);
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      skipBytes(2);
    }
    inflater.reset();
    crc.reset();
    memberBytes = 0;
    bufferFilled = 0;
    inMember = true;
    return true;
  }

  private void endMember() throws IOException {
    int remaining = inflater.getRemaining();
    if (remaining > 0) {
      in.unread(buffer, bufferFilled - remaining, remaining);
    }
    long expectedCrc = readInt();
    long expectedSize = readInt();
    if (expectedCrc != crc.getValue()) {
      throw new CorruptInputException("gzip member " + members + " fails its CRC-32 check");
    }
    if (expectedSize != (memberBytes & 0xffffffffL)) {
      throw new CorruptInputException("gzip member " + members + " has " + memberBytes + " bytes but its trailer says "
          + expectedSize);
    }
    inMember = false;
  }

  private long readInt() throws IOException {
    return (readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24) & 0xffffffffL;
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new CorruptInputException("truncated gzip data: the file ends inside the header or trailer of member "
          + members, new EOFException());
    }
    return b;
  }

  private void skipBytes(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      readByte();
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (readByte() != 0) {
      // a file name or comment
    }
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
