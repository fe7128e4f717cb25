package io.copyjob.storage.files.format.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tokenizer against random records, read through streams that hand out a few bytes at a time. */
class CsvTokenizerTest {

  /** Hands out at most {@code step} bytes per read, so that every token straddles a refill somewhere. */
  private static InputStream trickle(byte[] bytes, int step) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, step));
      }
    };
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static Stream<Arguments> dialects() {
    return Stream.of(Arguments.of(",", "\r\n"), Arguments.of("|~|", "\u001e"), Arguments.of("||", "\n"),
        Arguments.of(",", null), Arguments.of("\t", "\r\n\r\n"));
  }

  @ParameterizedTest
  @MethodSource("dialects")
  void randomRecordsSurviveEveryBufferBoundary(String delimiter, String terminator) throws Exception {
    Random random = new Random(42);
    String alphabet = "ab \u00e9\u65e5\"" + delimiter + (terminator == null ? "\r\n" : terminator) + ",";
    List<List<String>> records = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int r = 0; r < 300; r++) {
      List<String> fields = new ArrayList<>();
      int n = 1 + random.nextInt(5);
      for (int f = 0; f < n; f++) {
        StringBuilder v = new StringBuilder();
        for (int k = random.nextInt(8); k > 0; k--) {
          v.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String value = v.toString();
        fields.add(value);
        // Unquoted only when no character could start a delimiter, a row end or a quote.
        boolean plain = !value.isEmpty() && value.chars().noneMatch(ch -> ch == '"' || ch == '\r' || ch == '\n'
            || delimiter.indexOf(ch) >= 0 || (terminator != null && terminator.indexOf(ch) >= 0));
        text.append(f == 0 ? "" : delimiter).append(plain ? value : quoted(value));
      }
      records.add(fields);
      String end = terminator != null ? terminator : List.of("\r\n", "\n", "\r").get(random.nextInt(3));
      text.append(r == 299 && random.nextBoolean() ? "" : end);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    for (int step : new int[] {1, 3, 7, 4096}) {
      CsvTokenizer t = new CsvTokenizer(trickle(bytes, step), delimiter.getBytes(StandardCharsets.UTF_8), (byte) '"',
          terminator == null ? null : terminator.getBytes(StandardCharsets.UTF_8), 1 << 16, 1);
      List<List<String>> read = new ArrayList<>();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      while (t.next()) {
        assertThat(t.error()).isNull();
        List<String> fields = new ArrayList<>();
        for (int f = 0; f < t.count(); f++) {
          fields.add(new String(t.unquoted(f), t.unquotedStart(f), t.unquotedLength(f), StandardCharsets.UTF_8));
        }
        read.add(fields);
        raw.writeBytes(t.raw());
      }
      assertThat(read).as("step " + step).isEqualTo(records);
      assertThat(raw.toByteArray()).as("raw bytes, step " + step).isEqualTo(bytes);
    }
  }

  @Test
  void linesCountEveryTerminatorAndFirstRowSkipsWithoutParsing() throws Exception {
    byte[] bytes = "skip \"me\r\nskip\r1,\"a\r\nb\"\n2,c\r\n".getBytes(StandardCharsets.UTF_8);
    CsvTokenizer t = new CsvTokenizer(trickle(bytes, 2), new byte[] {','}, (byte) '"', null, 1 << 16, 1);
    assertThat(t.skipRows(2)).isEqualTo(2);
    assertThat(t.next()).isTrue();
    assertThat(t.line()).isEqualTo(3);
    assertThat(t.next()).isTrue();
    assertThat(t.line()).isEqualTo(5);
    assertThat(t.next()).isFalse();
  }

  @Test
  void aRowBeyondTheBoundFailsNamingItsLine() {
    byte[] bytes = ("1,a\n2,\"" + "x".repeat(5000) + "\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> {
      CsvTokenizer t = new CsvTokenizer(trickle(bytes, 100), new byte[] {','}, (byte) '"', null, 1024, 1);
      while (t.next()) {
        // read on
      }
    }).isInstanceOfSatisfying(CsvTokenizer.RowTooLong.class, e -> {
      assertThat(e.line).isEqualTo(2);
      assertThat(e.getMessage()).contains("quote", "1024 bytes");
    });
  }
}
