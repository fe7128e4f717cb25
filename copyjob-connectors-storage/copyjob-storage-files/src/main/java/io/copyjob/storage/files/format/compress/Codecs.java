package io.copyjob.storage.files.format.compress;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.xerial.snappy.SnappyFramedInputStream;
import org.xerial.snappy.SnappyInputStream;

/**
 * Wraps streams in the codecs of {@link Compression}. Decoding streams report corrupt data (truncated, trailing
 * garbage, bad checksums, undecodable bytes) as {@link CorruptInputException} and failures of the underlying
 * stream as {@link StoreReadException}, so readers can tell bad input from a failing store.
 */
public final class Codecs {
  private static final byte[] SNAPPY_FRAMED = {(byte) 0xff, 0x06, 0x00, 0x00, 's', 'N', 'a', 'P', 'p', 'Y'};
  private static final byte[] SNAPPY_JAVA = {(byte) 0x82, 'S', 'N', 'A', 'P', 'P', 'Y', 0};

  private Codecs() {
  }

  /**
   * A stream of the decompressed bytes of {@code raw}, which it owns. {@code codec} must not be {@link Compression#AUTO}.
   */
  public static InputStream decoding(Compression codec, InputStream raw) throws IOException {
    InputStream store = new StoreStream(raw);
    switch (codec) {
      case NONE:
        return store;
      case GZIP:
        return new Decoding(new GzipMembersInputStream(store), "gzip");
      case ZSTD:
        return new Decoding(new BufferedInputStream(new ZstdInputStreamNoFinalizer(store), 64 * 1024), "zstd");
      case SNAPPY:
        return new Decoding(snappy(store), "Snappy");
      default:
        throw new IllegalArgumentException("resolve " + codec + " to a codec before reading");
    }
  }

  /** Hadoop block framing, the Snappy framing format or snappy-java's own stream, by the first bytes. */
  private static InputStream snappy(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
    buffered.mark(SNAPPY_FRAMED.length);
    byte[] head = buffered.readNBytes(SNAPPY_FRAMED.length);
    buffered.reset();
    if (startsWith(head, SNAPPY_FRAMED)) {
      return new SnappyFramedInputStream(buffered, true);
    }
    if (startsWith(head, SNAPPY_JAVA)) {
      return new SnappyInputStream(buffered);
    }
    return new HadoopSnappyInputStream(buffered);
  }

  private static boolean startsWith(byte[] head, byte[] magic) {
    return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  /**
   * A stream that compresses into {@code raw}, which it owns: closing it finishes the compressed stream and
   * closes {@code raw}. {@code codec} must be {@link Compression#NONE}, gzip, snappy or zstd.
   */
  public static OutputStream encoding(Compression codec, OutputStream raw) throws IOException {
    switch (codec) {
      case NONE:
        return raw;
      case GZIP:
        return new GZIPOutputStream(raw, 64 * 1024);
      case ZSTD:
        return new ZstdOutputStreamNoFinalizer(raw, 3);
      case SNAPPY:
        return new HadoopSnappyOutputStream(raw);
      default:
        throw new IllegalArgumentException("cannot write with compression " + codec);
    }
  }

  /** An I/O failure of the store under a codec, kept apart from the codec's own complaints. */
  public static final class StoreReadException extends IOException {
    private static final long serialVersionUID = 1L;

    StoreReadException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Marks the store's exceptions so that {@link Decoding} does not mistake them for corrupt data. */
  private static final class StoreStream extends FilterInputStream {
    StoreStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (StoreReadException e) {
        throw e;
      } catch (IOException e) {
        throw new StoreReadException(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (StoreReadException e) {
        throw e;
      } catch (IOException e) {
        throw new StoreReadException(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException e) {
        throw new StoreReadException(e);
      }
    }
  }

  /** Turns a codec's exceptions (other than the store's) into {@link CorruptInputException}. */
  private static final class Decoding extends FilterInputStream {
    private final String codec;

    Decoding(InputStream in, String codec) {
      super(in);
      this.codec = codec;
    }

    @Override
    public int read() throws IOException {
      try {
        return in.read();
      } catch (IOException | RuntimeException | Error e) {
        throw translate(e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return in.read(b, off, len);
      } catch (IOException | RuntimeException | Error e) {
        throw translate(e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      try {
        return in.skip(n);
      } catch (IOException | RuntimeException | Error e) {
        throw translate(e);
      }
    }

    private IOException translate(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StoreReadException s) {
          return s;
        }
      }
      if (e instanceof CorruptInputException c) {
        return c;
      }
      if (e instanceof Error err && !(err.getClass().getName().startsWith("org.xerial.snappy"))) {
        throw err;
      }
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new CorruptInputException("not valid " + codec + " data (corrupt or truncated): " + message, e);
    }
  }
}
