package io.copyjob.storage.files.format.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Compresses and decompresses Parquet pages with zstd-jni, snappy-java and the JDK's gzip, so that Parquet's
 * own codec factory, which goes through Hadoop's codec classes, is never used. Stateless and thread-safe.
 *
 * <p>Reads UNCOMPRESSED, SNAPPY, GZIP and ZSTD; files in LZO, LZ4, LZ4_RAW or BROTLI fail with a message
 * naming the codec.
 */
final class HadoopFreeCodecFactory implements CompressionCodecFactory {
  /** Parquet-java's default zstd level. */
  static final int ZSTD_LEVEL = 3;

  static final HadoopFreeCodecFactory INSTANCE = new HadoopFreeCodecFactory();

  private HadoopFreeCodecFactory() {
  }

  @Override
  public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    return new Compressor(codec);
  }

  @Override
  public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    return new Decompressor(codec);
  }

  @Override
  public void release() {
  }

  /** The bytes of a page, copied once into a heap array for the JNI codecs. */
  static byte[] toBytes(BytesInput bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) bytes.size());
    bytes.writeAllTo(out);
    return out.toByteArray();
  }

  static IOException unsupported(CompressionCodecName codec) {
    return new IOException("Parquet pages compressed with " + codec + " cannot be read yet; "
        + "supported: UNCOMPRESSED, SNAPPY, GZIP, ZSTD");
  }

  private static final class Compressor implements BytesInputCompressor {
    private final CompressionCodecName codec;

    Compressor(CompressionCodecName codec) {
      this.codec = codec;
      if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY
          && codec != CompressionCodecName.GZIP && codec != CompressionCodecName.ZSTD) {
        throw new IllegalArgumentException("cannot write Parquet with " + codec);
      }
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
      switch (codec) {
        case UNCOMPRESSED:
          return bytes;
        case SNAPPY:
          return BytesInput.from(Snappy.compress(toBytes(bytes)));
        case ZSTD:
          return BytesInput.from(Zstd.compress(toBytes(bytes), ZSTD_LEVEL));
        case GZIP: {
          ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, bytes.size() / 2 + 64));
          try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            bytes.writeAllTo(gzip);
          }
          return BytesInput.from(out.toByteArray());
        }
        default:
          throw unsupported(codec);
      }
    }

    @Override
    public CompressionCodecName getCodecName() {
      return codec;
    }

    @Override
    public void release() {
    }
  }

  private static final class Decompressor implements BytesInputDecompressor {
    private final CompressionCodecName codec;

    Decompressor(CompressionCodecName codec) {
      this.codec = codec;
    }

    @Override
    public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
      if (codec == CompressionCodecName.UNCOMPRESSED) {
        return bytes;
      }
      return BytesInput.from(decompress(toBytes(bytes), uncompressedSize));
    }

    @Override
    public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
        throws IOException {
      byte[] in = new byte[compressedSize];
      input.duplicate().get(in);
      byte[] out = codec == CompressionCodecName.UNCOMPRESSED ? in : decompress(in, uncompressedSize);
      output.put(out, 0, uncompressedSize);
    }

    private byte[] decompress(byte[] in, int uncompressedSize) throws IOException {
      switch (codec) {
        case SNAPPY: {
          byte[] out = new byte[uncompressedSize];
          int n = Snappy.uncompress(in, 0, in.length, out, 0);
          return check(n, uncompressedSize, out);
        }
        case ZSTD: {
          byte[] out = new byte[uncompressedSize];
          long n = Zstd.decompressByteArray(out, 0, uncompressedSize, in, 0, in.length);
          if (Zstd.isError(n)) {
            throw new IOException("corrupt zstd page: " + Zstd.getErrorName(n));
          }
          return check((int) n, uncompressedSize, out);
        }
        case GZIP: {
          byte[] out = new byte[uncompressedSize];
          try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(in), 64 * 1024)) {
            int n = gzip.readNBytes(out, 0, uncompressedSize);
            return check(n, uncompressedSize, out);
          }
        }
        default:
          throw unsupported(codec);
      }
    }

    private static byte[] check(int actual, int expected, byte[] out) throws IOException {
      if (actual != expected) {
        throw new IOException("corrupt page: decompressed to " + actual + " bytes, the header says " + expected);
      }
      return out;
    }

    @Override
    public void release() {
    }
  }
}
