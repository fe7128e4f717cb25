package io.copyjob.storage.files.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationPatternTest {

  private static LocationPattern p(String location) {
    return LocationPattern.parse(location);
  }

  @Test
  void aLocationWithoutWildcardsIsItsOwnBaseAndSkipsHiddenFilesBelowIt() {
    LocationPattern folder = p("/data/in");
    assertThat(folder.hasWildcards()).isFalse();
    assertThat(folder.base()).isEqualTo("/data/in");
    assertThat(folder.pattern()).isEmpty();
    assertThat(folder.matches("a.csv")).isTrue();
    assertThat(folder.matches("2024/01/a.csv")).isTrue();
    assertThat(folder.matches("_SUCCESS")).isFalse();
    assertThat(folder.matches(".a.csv.crc")).isFalse();
    assertThat(folder.matches("_tmp/a.csv")).isFalse();
    assertThat(folder.matches("x/.hidden/a.csv")).isFalse();
  }

  @Test
  void theBaseIsTheFolderBeforeTheFirstWildcard() {
    assertThat(p("/data/in/*.csv").base()).isEqualTo("/data/in");
    assertThat(p("/data/in/part-*.csv").base()).isEqualTo("/data/in");
    assertThat(p("/data/*/x/*.csv").base()).isEqualTo("/data");
    assertThat(p("/*.csv").base()).isEqualTo("/");
    assertThat(p("*.csv").base()).isEmpty();
    assertThat(p("s3://bucket/in/*.csv").base()).isEqualTo("s3://bucket/in");
    assertThat(p("s3://bucket/*.csv").base()).isEqualTo("s3://bucket");
    assertThat(p("https://acct.blob.core.windows.net/c/in/*.parquet").base())
        .isEqualTo("https://acct.blob.core.windows.net/c/in");
    assertThat(p("abfss://c@acct.dfs.core.windows.net/in/?.csv").base()).isEqualTo("abfss://c@acct.dfs.core.windows.net/in");
    assertThat(p("file:/data/in/*.csv").base()).isEqualTo("file:/data/in");
    assertThat(p("s3://bucket/in/*.csv").pattern()).contains("*.csv");
  }

  @Test
  void starCrossesFoldersAsCopyIntoDoes() {
    LocationPattern csv = p("/in/*.csv");
    assertThat(csv.matches("a.csv")).isTrue();
    assertThat(csv.matches("2024/01/b.csv")).isTrue();
    assertThat(csv.matches("a.csv.gz")).isFalse();
    assertThat(csv.matches("a.json")).isFalse();
    LocationPattern part = p("/in/part-*.csv");
    assertThat(part.matches("part-1.csv")).isTrue();
    assertThat(part.matches("part-a/b.csv")).isTrue();
    assertThat(part.matches("x/part-1.csv")).isFalse(); // matched against the whole relative path
    LocationPattern mid = p("/in/*/data.csv");
    assertThat(mid.matches("a/data.csv")).isTrue();
    assertThat(mid.matches("a/b/data.csv")).isTrue();
    assertThat(mid.matches("data.csv")).isFalse();
  }

  @Test
  void questionMarkIsOneCharacterWithinAName() {
    LocationPattern q = p("/in/day-?.csv");
    assertThat(q.matches("day-1.csv")).isTrue();
    assertThat(q.matches("day-12.csv")).isFalse();
    assertThat(q.matches("day-.csv")).isFalse();
    assertThat(p("/in/a?b.csv").matches("a/b.csv")).isFalse();
  }

  @Test
  void matchingIsCaseSensitive() {
    LocationPattern csv = p("/in/*.csv");
    assertThat(csv.matches("A.csv")).isTrue();
    assertThat(csv.matches("a.CSV")).isFalse();
    assertThat(p("/in/Sales*").matches("sales1.csv")).isFalse();
  }

  @Test
  void backslashEscapesWildcards() {
    LocationPattern star = p("/in/a\\*b.csv");
    assertThat(star.hasWildcards()).isFalse();
    assertThat(star.base()).isEqualTo("/in/a*b.csv");
    LocationPattern literalStarThenWildcard = p("/in/x\\*/*.csv");
    assertThat(literalStarThenWildcard.base()).isEqualTo("/in/x*");
    assertThat(literalStarThenWildcard.matches("a.csv")).isTrue();
    LocationPattern escapedInPattern = p("/in/*\\?.csv");
    assertThat(escapedInPattern.matches("what?.csv")).isTrue();
    assertThat(escapedInPattern.matches("what!.csv")).isFalse();
    assertThat(escapedInPattern.pattern()).contains("*\\?.csv");
    LocationPattern backslash = p("/in/*\\\\x");
    assertThat(backslash.matches("a\\x")).isTrue();
    // Other backslashes stay, so Windows paths keep their separators.
    assertThat(p("C:\\data\\in").base()).isEqualTo("C:\\data\\in");
    // In a URI base a literal question mark is percent-encoded, not a query.
    assertThat(p("s3://b/what\\?/*.csv").base()).isEqualTo("s3://b/what%3F");
  }

  @Test
  void percentEscapesInUriPatternsAreDecodedAfterWildcardsAreFound() {
    LocationPattern spaced = p("s3://b/in/my%20file*.csv");
    assertThat(spaced.matches("my file 1.csv")).isTrue();
    LocationPattern literalStar = p("s3://b/in/*%2A.csv");
    assertThat(literalStar.matches("x*.csv")).isTrue();
    assertThat(literalStar.matches("xy.csv")).isFalse();
    assertThat(p("s3://b/in/caf%C3%A9-*.csv").matches("café-1.csv")).isTrue();
    // Plain paths are taken literally.
    assertThat(p("/in/100%25-*.csv").matches("100%25-a.csv")).isTrue();
  }

  @Test
  void wildcardsNeverMatchTheStartOfAHiddenName() {
    LocationPattern csv = p("/in/*.csv");
    assertThat(csv.matches("_tmp.csv")).isFalse();
    assertThat(csv.matches(".a.csv")).isFalse();
    assertThat(csv.matches("_staging/a.csv")).isFalse();
    assertThat(csv.matches("ok/.hidden/a.csv")).isFalse();
    assertThat(csv.matches("ok/_b.csv")).isFalse();
    assertThat(p("/in/?a.csv").matches("_a.csv")).isFalse();
    assertThat(p("/in/*").matches("_SUCCESS")).isFalse();
    // Inside a name, _ and . are ordinary characters.
    assertThat(csv.matches("a_b.c.csv")).isTrue();
  }

  @Test
  void hiddenNamesSpelledOutInThePatternAreRead() {
    LocationPattern staging = p("/in/_staging/*.csv");
    assertThat(staging.base()).isEqualTo("/in/_staging");
    assertThat(staging.matches("a.csv")).isTrue();
    LocationPattern explicit = p("/in/*/_staging/*.csv");
    assertThat(explicit.matches("2024/_staging/a.csv")).isTrue();
    assertThat(explicit.matches("_x/_staging/a.csv")).isFalse();
    assertThat(p("/in/.*.csv").matches(".a.csv")).isTrue();
    assertThat(p("/in/_*").matches("_SUCCESS")).isTrue();
  }

  @Test
  void wildcardsOutsideTheUriPathAreRejected() {
    assertThatThrownBy(() -> p("s3://bucket*/in/a.csv")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path");
    assertThatThrownBy(() -> p("s3://*")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p("  ")).isInstanceOf(IllegalArgumentException.class);
  }
}
