package io.copyjob.storage.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A large CSV file copies with a small heap: the files source streams it (in byte ranges, with two readers) and
 * the files sink streams it out, in a separate JVM started with {@code -Xmx256m}.
 *
 * <p>The documented figure is 2 GB: run {@code -Dcopyjob.it.streamingBytes=2147483648}. The default, for every
 * build, is 128 MiB so that the build stays quick; the file is generated under {@code target/} and deleted after.
 */
class LargeFileStreamingIT {
  private static final long BYTES = Long.getLong("copyjob.it.streamingBytes", 128L << 20);
  private static final Pattern RESULT = Pattern.compile("status=(\\w+) rows=(\\d+) written=(\\d+) .*");

  @Test
  void aLargeCsvFileCopiesWithA256MiBHeap() throws Exception {
    Path work = Path.of("target", "streaming-it").toAbsolutePath();
    deleteRecursively(work);
    Path input = work.resolve("in/big.csv");
    Files.createDirectories(input.getParent());
    long rows = generate(input, BYTES);
    try {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError",
          "-cp", System.getProperty("java.class.path"), StreamingCopyMain.class.getName(), input.toString(),
          work.resolve("out").toString(), "2"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
      System.out.println("[LargeFileStreamingIT] " + Files.size(input) + " bytes, " + rows + " rows: " + output.strip());
      assertThat(process.exitValue()).as(output).isZero();
      String last = output.strip().lines().reduce((a, b) -> b).orElse("");
      Matcher m = RESULT.matcher(last);
      assertThat(m.matches()).as(output).isTrue();
      assertThat(m.group(1)).isEqualTo("SUCCEEDED");
      assertThat(Long.parseLong(m.group(2))).isEqualTo(rows);
      assertThat(Long.parseLong(m.group(3))).isEqualTo(rows);
    } finally {
      deleteRecursively(work);
    }
  }

  /** Writes a CSV file of about {@code bytes} with a header and 5 columns; returns the data row count. */
  private static long generate(Path file, long bytes) throws IOException {
    long rows = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      out.write("id,customer,amount,created,note\n".getBytes(StandardCharsets.US_ASCII));
      long written = 0;
      StringBuilder sb = new StringBuilder(128);
      while (written < bytes) {
        sb.setLength(0);
        sb.append(rows).append(",customer-").append(rows % 100_003).append(',').append(rows % 100_000).append('.')
            .append(rows % 100).append(",2024-01-").append(10 + rows % 20).append("T12:34:56.123456,")
            .append(rows % 7 == 0 ? "\"quoted, with comma\"" : "plain note").append('\n');
        byte[] line = sb.toString().getBytes(StandardCharsets.US_ASCII);
        out.write(line);
        written += line.length;
        rows++;
      }
    }
    return rows;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
