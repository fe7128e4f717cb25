package io.copyjob.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  static List<Instant> instants(String... text) {
    return java.util.Arrays.stream(text).map(Instant::parse).toList();
  }

  @Test
  void intervalIsAFixedRateFromTheStart() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Schedule.every(Duration.ofMinutes(15)).fireTimes(start, 3))
        .containsExactlyElementsOf(instants("2026-01-01T00:00:00Z", "2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z"));
    assertThat(Schedule.every(Duration.ofMinutes(15), Duration.ofMinutes(1)).fireTimes(start, 2))
        .containsExactlyElementsOf(instants("2026-01-01T00:01:00Z", "2026-01-01T00:16:00Z"));
    // After a long run, the next fire time stays on the grid.
    Schedule s = Schedule.every(Duration.ofMinutes(15));
    assertThat(s.nextFire(start, start.plus(Duration.ofMinutes(40)))).contains(Instant.parse("2026-01-01T00:45:00Z"));
    assertThat(s.nextFire(start, start.plus(Duration.ofMinutes(45)))).contains(Instant.parse("2026-01-01T01:00:00Z"));
    assertThat(Schedule.once().fireTimes(start, 5)).containsExactly(start);
  }

  /** Anchored intervals share their fire times whenever an instance starts. */
  @Test
  void anchoredIntervalIsTheSameGridForEveryStart() {
    Schedule s = Schedule.every(Duration.ofMinutes(10), Instant.EPOCH);
    assertThat(s.fireTimes(Instant.parse("2026-01-01T00:03:17Z"), 2))
        .containsExactlyElementsOf(instants("2026-01-01T00:10:00Z", "2026-01-01T00:20:00Z"));
    assertThat(s.fireTimes(Instant.parse("2026-01-01T00:10:00Z"), 2))
        .containsExactlyElementsOf(instants("2026-01-01T00:10:00Z", "2026-01-01T00:20:00Z"));
    assertThat(s.nextFire(Instant.parse("2026-01-01T00:10:00Z"), Instant.parse("2026-01-01T00:47:00Z")))
        .contains(Instant.parse("2026-01-01T00:50:00Z"));
    assertThat(Schedule.every(Duration.ofMinutes(10), Instant.parse("2030-01-01T00:05:00Z"))
        .firstFire(Instant.parse("2026-01-01T00:03:00Z"))).contains(Instant.parse("2026-01-01T00:05:00Z"));
  }

  /** 02:30 does not exist on 29 March 2026 in Berlin: it fires at 03:30 CEST, the same offset after the jump. */
  @Test
  void dailyCronAcrossTheMarchChangeFiresOnceEveryDay() {
    Schedule s = Schedule.cron("0 30 2 * * ?", BERLIN);
    assertThat(s.fireTimes(Instant.parse("2026-03-27T00:00:00Z"), 4)).containsExactlyElementsOf(instants(
        "2026-03-27T01:30:00Z", // 02:30 CET
        "2026-03-28T01:30:00Z", // 02:30 CET
        "2026-03-29T01:30:00Z", // 02:30 does not exist: 03:30 CEST
        "2026-03-30T00:30:00Z")); // 02:30 CEST
  }

  /** 02:30 happens twice on 25 October 2026 in Berlin: it fires once, at the first (CEST) one. */
  @Test
  void dailyCronAcrossTheOctoberChangeFiresOnceEveryDay() {
    Schedule s = Schedule.cron("0 30 2 * * ?", BERLIN);
    assertThat(s.fireTimes(Instant.parse("2026-10-23T12:00:00Z"), 4)).containsExactlyElementsOf(instants(
        "2026-10-24T00:30:00Z", // 02:30 CEST
        "2026-10-25T00:30:00Z", // first 02:30 (CEST); not again at 01:30Z (02:30 CET)
        "2026-10-26T01:30:00Z", // 02:30 CET
        "2026-10-27T01:30:00Z"));
    // A run that ends inside the repeated hour does not fire the second 02:30.
    assertThat(s.nextFire(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T00:45:00Z")))
        .contains(Instant.parse("2026-10-26T01:30:00Z"));
    assertThat(s.nextFire(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:15:00Z")))
        .contains(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void halfHourlyCronFiresEachLocalTimeOnceAcrossBothChanges() {
    Schedule s = Schedule.cron("0 0/30 * * * ?", BERLIN);
    assertThat(s.fireTimes(Instant.parse("2026-03-29T00:15:00Z"), 4)).containsExactlyElementsOf(instants(
        "2026-03-29T00:30:00Z", // 01:30 CET
        "2026-03-29T01:00:00Z", // 02:00 does not exist: 03:00 CEST
        "2026-03-29T01:30:00Z", // 02:30 does not exist: 03:30 CEST (03:00 and 03:30 themselves are not repeated)
        "2026-03-29T02:00:00Z")); // 04:00 CEST
    assertThat(s.fireTimes(Instant.parse("2026-10-24T23:45:00Z"), 4)).containsExactlyElementsOf(instants(
        "2026-10-25T00:00:00Z", // 02:00 CEST
        "2026-10-25T00:30:00Z", // 02:30 CEST; 02:00 and 02:30 CET are not repeated
        "2026-10-25T02:00:00Z", // 03:00 CET
        "2026-10-25T02:30:00Z"));
  }

  @Test
  void unixCronHasFiveFieldsAndBadExpressionsAreUserErrors() {
    assertThat(Schedule.cron("30 2 * * *", ZoneId.of("UTC")).fireTimes(Instant.parse("2026-05-01T03:00:00Z"), 1))
        .containsExactlyElementsOf(instants("2026-05-02T02:30:00Z"));
    assertThat(Schedule.cron("0 30 2 * * ?", ZoneId.of("UTC")).firstFire(Instant.parse("2026-05-01T02:30:00Z")))
        .contains(Instant.parse("2026-05-01T02:30:00Z"));
    assertThatThrownBy(() -> Schedule.cron("61 * * * * ?", BERLIN)).isInstanceOf(CopyJobException.class)
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.INVALID_JOB));
    assertThatThrownBy(() -> Schedule.every(Duration.ZERO)).isInstanceOf(CopyJobException.class);
  }
}
