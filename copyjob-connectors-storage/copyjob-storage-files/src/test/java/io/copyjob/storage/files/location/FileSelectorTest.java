package io.copyjob.storage.files.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSelectorTest {
  @TempDir
  Path dir;

  @BeforeEach
  void files() throws IOException {
    for (String f : List.of("in/a.csv", "in/b.CSV", "in/2024/01/c.csv", "in/2024/02/d.csv", "in/_SUCCESS",
        "in/.a.csv.crc", "in/_staging/e.csv", "in/notes.txt", "other/f.csv", "other/_g.csv")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x\n");
    }
  }

  private List<String> select(String... locations) {
    try (FileSelector selector = FileSelector.withStores(Map.of())) {
      return selector.select(java.util.Arrays.stream(locations).map(LocationPattern::parse).toList()).stream()
          .map(f -> dir.relativize(Path.of(f.displayName())).toString().replace('\\', '/')).toList();
    }
  }

  private String at(String relative) {
    return dir.resolve(relative).toString().replace('\\', '/');
  }

  @Test
  void aFolderMeansEveryVisibleFileBelowIt() {
    assertThat(select(at("in"))).containsExactly("in/2024/01/c.csv", "in/2024/02/d.csv", "in/a.csv", "in/b.CSV",
        "in/notes.txt");
    assertThat(select(at("in") + "/")).hasSize(5);
  }

  @Test
  void aFileMeansThatFileEvenWhenHidden() {
    assertThat(select(at("in/a.csv"))).containsExactly("in/a.csv");
    assertThat(select(at("other/_g.csv"))).containsExactly("other/_g.csv");
    assertThat(select(at("in/missing.csv"))).isEmpty();
  }

  @Test
  void wildcardsExpandRecursivelyAndCaseSensitivelySkippingHiddenNames() {
    assertThat(select(at("in") + "/*.csv")).containsExactly("in/2024/01/c.csv", "in/2024/02/d.csv", "in/a.csv");
    assertThat(select(at("in") + "/2024/0?/*.csv")).containsExactly("in/2024/01/c.csv", "in/2024/02/d.csv");
    assertThat(select(at("in") + "/_staging/*.csv")).containsExactly("in/_staging/e.csv");
    assertThat(select(at("in") + "/*.CSV")).containsExactly("in/b.CSV");
  }

  @Test
  void severalLocationsFormOneListAndAFileMatchedTwiceIsReadOnce() {
    assertThat(select(at("in") + "/*.csv", at("in/a.csv"), at("other"), at("in") + "/2024/*"))
        .containsExactly("in/2024/01/c.csv", "in/2024/02/d.csv", "in/a.csv", "other/f.csv");
  }

  @Test
  void uriLocationsWork() {
    assertThat(select(dir.resolve("in").toUri() + "*.csv")).hasSize(3);
    assertThat(select(dir.resolve("other").toUri().toString())).containsExactly("other/f.csv");
  }
}
