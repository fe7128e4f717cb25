package io.copyjob.storage.files.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf16InputTest {

  private static InputStream trickle(byte[] bytes, int step) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  @Test
  void surrogatePairsSurviveEveryReadBoundaryInBothByteOrders() throws IOException {
    String text = "a\ud83c\udf89\u00e9,\u65e5\r\n".repeat(5000);
    byte[] le = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = text.getBytes(StandardCharsets.UTF_16);  // big-endian with a BOM
    for (byte[] bytes : new byte[][] {le, be}) {
      for (int step : new int[] {1, 3, 8191}) {
        try (Utf16Input in = Utf16Input.open(trickle(bytes, step))) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
          assertThat(in.encode("\u00e9\r\n".getBytes(StandardCharsets.UTF_8)))
              .isEqualTo("\u00e9\r\n".getBytes(bytes == le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
        }
      }
    }
  }

  @Test
  void aLoneSurrogateIsMalformed() {
    // 'a', then a high surrogate followed by 'b' (not a low surrogate), little-endian; and one at the very end.
    for (byte[] bad : new byte[][] {{0x61, 0, 0x3C, (byte) 0xD8, 0x62, 0}, {0x61, 0, 0x3C, (byte) 0xD8}}) {
      assertThatThrownBy(() -> {
        try (Utf16Input in = Utf16Input.open(new ByteArrayInputStream(bad))) {
          in.readAllBytes();
        }
      }).isInstanceOf(MalformedInputException.class);
    }
  }
}
