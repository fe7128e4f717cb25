package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRangePlannerTest {

  @Test
  void cutsEqualHalfOpenRangesWithOpenEnds() {
    List<KeyRange> ranges = KeyRangePlanner.plan(1, 100, 4);
    assertThat(ranges).containsExactly(KeyRange.of(null, 26L), KeyRange.of(26L, 51L), KeyRange.of(51L, 76L),
        KeyRange.of(76L, null));
    assertThat(ranges.get(1).predicate("\"id\"")).isEqualTo("\"id\" >= 26 AND \"id\" < 51");
    assertThat(ranges.get(0).predicate("\"id\"")).isEqualTo("\"id\" < 26");
    assertThat(ranges.get(3).predicate("\"id\"")).isEqualTo("\"id\" >= 76");
    assertThat(ranges.get(1).describe("id")).isEqualTo("id in [26, 51)");
  }

  @Test
  void everyKeyFallsInExactlyOneRange() {
    long min = -7;
    long max = 1003;
    List<KeyRange> ranges = KeyRangePlanner.plan(min, max, 7);
    for (long k = min - 5; k <= max + 5; k++) {
      long key = k;
      assertThat(ranges.stream().filter(r -> (r.lower().isEmpty() || key >= r.lower().getAsLong())
          && (r.upper().isEmpty() || key < r.upper().getAsLong())).count()).as("key %d", key).isEqualTo(1);
    }
  }

  @Test
  void noMoreRangesThanKeysAndNoOverflowAtTheExtremes() {
    assertThat(KeyRangePlanner.plan(5, 7, 10)).hasSize(3);
    assertThat(KeyRangePlanner.plan(5, 5, 10)).containsExactly(KeyRange.all());
    assertThat(KeyRangePlanner.plan(1, 100, 1)).containsExactly(KeyRange.all());
    List<KeyRange> wide = KeyRangePlanner.plan(Long.MIN_VALUE, Long.MAX_VALUE, 4);
    assertThat(wide).hasSize(4);
    assertThat(wide.get(2).lower().getAsLong()).isEqualTo(0L);
    assertThat(KeyRange.all().predicate("x")).isNull();
  }
}
