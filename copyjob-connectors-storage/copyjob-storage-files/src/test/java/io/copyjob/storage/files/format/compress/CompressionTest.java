package io.copyjob.storage.files.format.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.TestData;
import io.copyjob.storage.files.format.FileFormat;
import io.copyjob.storage.files.format.csv.CsvFormat;
import io.copyjob.storage.files.format.csv.CsvSettings;
import io.copyjob.storage.files.format.jsonl.JsonlFormat;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.local.LocalFileStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xerial.snappy.SnappyFramedOutputStream;

class CompressionTest {
  private static final Schema SCHEMA = Schema.of(Field.of("id", LogicalType.int64()),
      Field.of("note", LogicalType.string()));

  @TempDir
  Path dir;

  @Test
  void detectsTheCodecFromTheLastExtension() {
    assertThat(Compression.ofExtension("a.csv.gz")).contains(Compression.GZIP);
    assertThat(Compression.ofExtension("a.GZ")).contains(Compression.GZIP);
    assertThat(Compression.ofExtension("a.jsonl.gzip")).contains(Compression.GZIP);
    assertThat(Compression.ofExtension("a.csv.snappy")).contains(Compression.SNAPPY);
    assertThat(Compression.ofExtension("a.zst")).contains(Compression.ZSTD);
    assertThat(Compression.ofExtension("a.csv.zstd")).contains(Compression.ZSTD);
    assertThat(Compression.ofExtension("a.csv")).isEmpty();
    assertThat(Compression.ofExtension("gz")).isEmpty();
    assertThat(Compression.stripExtension("a.csv.gz")).isEqualTo("a.csv");
    assertThat(Compression.stripExtension("a.csv")).isEqualTo("a.csv");
    assertThat(Compression.AUTO.forFile("a.csv.zst")).isEqualTo(Compression.ZSTD);
    assertThat(Compression.AUTO.forFile("a.csv")).isEqualTo(Compression.NONE);
    assertThat(Compression.GZIP.forFile("a.csv")).isEqualTo(Compression.GZIP);
  }

  private static byte[] text(int lines) {
    StringBuilder sb = new StringBuilder();
    Random random = new Random(lines);
    for (int i = 0; i < lines; i++) {
      sb.append(i).append(',').append(Long.toHexString(random.nextLong())).append("\r\n");
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encode(Compression codec, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream enc = Codecs.encoding(codec, out)) {
      enc.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] decode(Compression codec, byte[] data) throws IOException {
    try (InputStream in = Codecs.decoding(codec, new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    }
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"NONE", "GZIP", "SNAPPY", "ZSTD"})
  void everyCodecRoundTripsSmallAndLargeData(Compression codec) throws IOException {
    for (int lines : new int[] {0, 1, 20_000}) {
      byte[] data = text(lines);
      byte[] encoded = encode(codec, data);
      assertThat(decode(codec, encoded)).isEqualTo(data);
      if (codec != Compression.NONE && lines > 1000) {
        assertThat(encoded.length).isLessThan(data.length);
      }
    }
  }

  @Test
  void gzipWrittenIsStandardAndMultiMemberGzipReadsFully() throws IOException {
    byte[] a = text(1000);
    byte[] b = text(2000);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(encode(Compression.GZIP, a))).readAllBytes()).isEqualTo(a);
    byte[] both = concat(gzip(a), gzip(b));
    assertThat(decode(Compression.GZIP, both)).isEqualTo(concat(a, b));
  }

  @Test
  void gzipWithTrailingGarbageFailsWhereTheJdkStreamWouldStopSilently() throws IOException {
    byte[] data = text(100);
    byte[] garbage = concat(gzip(data), "this is not gzip".getBytes(StandardCharsets.US_ASCII));
    // The JDK stream ignores it: the reason copyjob has its own member loop.
    assertThat(new GZIPInputStream(new ByteArrayInputStream(garbage)).readAllBytes()).isEqualTo(data);
    assertThatThrownBy(() -> decode(Compression.GZIP, garbage)).isInstanceOf(CorruptInputException.class)
        .hasMessageContaining("trailing bytes");
    assertThatThrownBy(() -> decode(Compression.GZIP, concat(gzip(data), new byte[] {0x1f})))
        .isInstanceOf(CorruptInputException.class);
  }

  @Test
  void truncatedOrDamagedGzipFails() throws IOException {
    byte[] full = gzip(text(5000));
    assertThatThrownBy(() -> decode(Compression.GZIP, Arrays.copyOf(full, full.length / 2)))
        .isInstanceOf(CorruptInputException.class).hasMessageContaining("truncated");
    assertThatThrownBy(() -> decode(Compression.GZIP, Arrays.copyOf(full, full.length - 4)))
        .isInstanceOf(CorruptInputException.class).hasMessageContaining("truncated");
    byte[] badCrc = full.clone();
    badCrc[badCrc.length - 6] ^= 0x55;
    assertThatThrownBy(() -> decode(Compression.GZIP, badCrc)).isInstanceOf(CorruptInputException.class)
        .hasMessageContaining("CRC");
    assertThatThrownBy(() -> decode(Compression.GZIP, new byte[0])).isInstanceOf(CorruptInputException.class);
    assertThatThrownBy(() -> decode(Compression.GZIP, text(3))).isInstanceOf(CorruptInputException.class)
        .hasMessageContaining("magic");
  }

  @Test
  void truncatedZstdAndSnappyFail() throws IOException {
    byte[] zstd = encode(Compression.ZSTD, text(5000));
    assertThatThrownBy(() -> decode(Compression.ZSTD, Arrays.copyOf(zstd, zstd.length - 10)))
        .isInstanceOf(CorruptInputException.class);
    byte[] snappy = encode(Compression.SNAPPY, text(5000));
    assertThatThrownBy(() -> decode(Compression.SNAPPY, Arrays.copyOf(snappy, snappy.length - 10)))
        .isInstanceOf(CorruptInputException.class);
  }

  @Test
  void snappyReadsTheFramingFormatToo() throws IOException {
    byte[] data = text(3000);
    ByteArrayOutputStream framed = new ByteArrayOutputStream();
    try (SnappyFramedOutputStream out = new SnappyFramedOutputStream(framed)) {
      out.write(data);
    }
    assertThat(decode(Compression.SNAPPY, framed.toByteArray())).isEqualTo(data);
  }

  @Test
  void snappyIsWrittenInHadoopBlockFraming() throws IOException {
    byte[] data = text(10_000);
    byte[] encoded = encode(Compression.SNAPPY, data);
    // First block: 4-byte big-endian raw length (a full 64 KiB block), then the compressed chunk's length.
    int raw = (encoded[0] & 0xff) << 24 | (encoded[1] & 0xff) << 16 | (encoded[2] & 0xff) << 8 | (encoded[3] & 0xff);
    assertThat(raw).isEqualTo(HadoopSnappyOutputStream.BLOCK);
    assertThat(decode(Compression.SNAPPY, encoded)).isEqualTo(data);
  }

  @Test
  void badGzipThroughAReaderIsBadInputNamingTheFile() throws IOException {
    LocalFileStore store = new LocalFileStore(dir);
    byte[] csv = "id,note\r\n1,a\r\n2,b\r\n".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("garbage.csv.gz"), concat(gzip(csv), new byte[] {1, 2, 3}));
    byte[] full = gzip(text(20_000));
    Files.write(dir.resolve("cut.csv.gz"), concat(gzip("id,note\r\n".getBytes(StandardCharsets.UTF_8)),
        Arrays.copyOf(full, full.length / 2)));
    CsvFormat format = new CsvFormat(CsvSettings.DEFAULT, Compression.AUTO);
    for (String name : List.of("garbage.csv.gz", "cut.csv.gz")) {
      FileInfo file = store.info(name).orElseThrow();
      assertThatThrownBy(() -> TestData.read(store, format, file, 100)).isInstanceOfSatisfying(
          CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).contains(dir.resolve(name).toString()).contains("gzip");
          });
    }
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"GZIP", "SNAPPY", "ZSTD"})
  void compressedCsvAndJsonLinesRoundTripThroughTheFormats(Compression codec) throws IOException {
    LocalFileStore store = new LocalFileStore(dir);
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < 5000; i++) {
      rows.add(new Object[] {i, i % 7 == 0 ? null : "note " + i});
    }
    for (FileFormat format : List.of(new CsvFormat(CsvSettings.DEFAULT, codec), new JsonlFormat(codec))) {
      assertThat(format.extension()).endsWith("." + codec.extension());
      FileInfo file = TestData.write(store, format, "out." + format.extension(), SCHEMA, rows);
      assertThat(file.size()).isLessThan(5000L * 10);
      // Read back by extension.
      FileFormat reader = format instanceof CsvFormat ? new CsvFormat(CsvSettings.DEFAULT) : new JsonlFormat();
      List<List<Object>> read = TestData.read(store, reader, file, 333);
      assertThat(read).hasSize(5000);
      assertThat(read.get(1)).containsExactly("1", "note 1");
      assertThat(read.get(7).get(1)).isNull();
    }
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
