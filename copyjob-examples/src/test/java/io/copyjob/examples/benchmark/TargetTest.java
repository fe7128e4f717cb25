package io.copyjob.examples.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {
  @Test
  void throughputRatioIsBaselineTimeOverVariantTime() {
    Target t = Target.throughputAtLeast(0.9);
    assertThat(t.ratio(4.0, 5.0)).isEqualTo(0.8);
    assertThat(t.met(0.8)).isFalse();
    assertThat(t.met(t.ratio(4.0, 4.4))).isTrue();
  }

  @Test
  void timeRatioIsVariantTimeOverBaselineTime() {
    Target t = Target.timeAtMost(0.05);
    assertThat(t.ratio(4.0, 0.1)).isEqualTo(0.025);
    assertThat(t.met(0.025)).isTrue();
    assertThat(t.met(0.06)).isFalse();
  }

  @Test
  void reportedAndCompletingTargetsAreAlwaysMet() {
    assertThat(Target.report().met(0.1)).isTrue();
    assertThat(Target.completes().ratio(1, 2)).isNaN();
  }
}
