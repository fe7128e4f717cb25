package io.copyjob.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  @TempDir
  Path dir;

  @Test
  void replacesOnlyTheResultsBetweenTheMarkers() throws Exception {
    Path file = dir.resolve("benchmarks.md");
    Files.writeString(file, "# Benchmarks\nmethod\n" + Report.BEGIN + "\nold table\n" + Report.END + "\nanalysis\n");

    Report.write(file, "new table\n");

    assertThat(Files.readString(file))
        .isEqualTo("# Benchmarks\nmethod\n" + Report.BEGIN + "\nnew table\n" + Report.END + "\nanalysis\n");
  }

  @Test
  void createsTheFileWithMarkersWhenAbsent() throws Exception {
    Path file = dir.resolve("docs").resolve("benchmarks.md");

    Report.write(file, "table\n");
    Report.write(file, "table 2\n");

    assertThat(Files.readString(file)).contains(Report.BEGIN + "\ntable 2\n" + Report.END).doesNotContain("table\n");
  }
}
