package io.copyjob.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the results into a markdown file between two markers, keeping what is written around them (the
 * methodology and the analysis of the profiles in {@code docs/benchmarks.md}).
 */
final class Report {
  static final String BEGIN = "<!-- benchmark results: written by BenchmarkSuite, replaced on every run -->";
  static final String END = "<!-- end of benchmark results -->";

  private Report() {
  }

  static String section(BenchmarkSuite.Settings s, String machine, String table, double minutes, double bytesPerRow,
      String when) {
    return String.format(Locale.ROOT, """
        Last run: %s, the suite took %.1f minutes (after the build).

        - Machine: %s
        - Settings: %,d rows in the main table, %d measured rounds after a warm-up round, medians; each variant in \
        its own JVM with -Xmx%s (the memory scenario: -Xmx%s); MB/s counts %.0f bytes per row (the table's CSV size)
        - Scenarios run: %s

        %s""", when, minutes, machine, s.rows(), s.rounds(), s.heap(), Memory.HEAP, bytesPerRow,
        String.join(", ", s.scenarios().stream().map(Scenario::id).toList()), table);
  }

  static void write(Path file, String section) throws IOException {
    String text = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      text = text + "\n" + BEGIN + "\n" + END + "\n";
      begin = text.indexOf(BEGIN);
      end = text.indexOf(END);
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, text.substring(0, begin + BEGIN.length()) + "\n" + section + text.substring(end));
  }
}
