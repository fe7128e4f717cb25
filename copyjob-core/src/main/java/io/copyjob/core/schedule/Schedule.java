package io.copyjob.core.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a scheduled job fires: {@link #once()}, {@link #every(Duration) at a fixed rate}, or on a
 * {@link #cron(String, ZoneId) cron expression} in a time zone. Immutable.
 *
 * <p><b>Cron and daylight saving.</b> Cron expressions are parsed and matched by
 * <a href="https://github.com/jmrozanec/cron-utils">cron-utils</a> against local wall-clock time; copyjob then maps
 * each local fire time to an instant so that every matching local time fires exactly once:
 * <ul>
 *   <li>a local time that does not exist (the clock jumps forward) fires at the same offset after the jump, as
 *       {@link ZonedDateTime#of(LocalDateTime, ZoneId)} resolves it: {@code 0 30 2 * * ?} in Europe/Berlin fires on
 *       the last Sunday of March at 03:30 CEST (01:30 UTC), not never;</li>
 *   <li>a local time that occurs twice (the clock goes back) fires once, at its first occurrence: on the last
 *       Sunday of October {@code 0 30 2 * * ?} fires at 02:30 CEST (00:30 UTC) only.</li>
 * </ul>
 * This is what classic cron daemons do for daily jobs. For a fixed number of runs per real hour whatever the
 * zone, use {@link #every(Duration)}.
 */
public final class Schedule {
  private static final Duration DST_WINDOW = Duration.ofHours(3);
  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private enum Kind { ONCE, INTERVAL, CRON }

  private final Kind kind;
  private final Duration interval;
  private final Duration initialDelay;
  private final Instant anchor;
  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime cron;

  private Schedule(Kind kind, Duration interval, Duration initialDelay, String expression, ZoneId zone,
      ExecutionTime cron) {
    this(kind, interval, initialDelay, null, expression, zone, cron);
  }

  private Schedule(Kind kind, Duration interval, Duration initialDelay, Instant anchor, String expression,
      ZoneId zone, ExecutionTime cron) {
    this.kind = kind;
    this.interval = interval;
    this.initialDelay = initialDelay;
    this.anchor = anchor;
    this.expression = expression;
    this.zone = zone;
    this.cron = cron;
  }

  /** Fires once, as soon as the job is scheduled. */
  public static Schedule once() {
    return new Schedule(Kind.ONCE, null, Duration.ZERO, null, null, null);
  }

  /** Fires once, {@code delay} after the job is scheduled. */
  public static Schedule onceAfter(Duration delay) {
    return new Schedule(Kind.ONCE, null, nonNegative(delay, "delay"), null, null, null);
  }

  /**
   * Fires as soon as the job is scheduled and then every {@code interval} at a fixed rate: the fire times are
   * {@code start + k * interval}, however long each run takes.
   */
  public static Schedule every(Duration interval) {
    return every(interval, Duration.ZERO);
  }

  /** Fires {@code initialDelay} after the job is scheduled and then every {@code interval} at a fixed rate. */
  public static Schedule every(Duration interval, Duration initialDelay) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isZero() || interval.isNegative()) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "a schedule interval must be positive: " + interval);
    }
    return new Schedule(Kind.INTERVAL, interval, nonNegative(initialDelay, "initialDelay"), null, null, null);
  }

  /**
   * Fires every {@code interval} at the instants {@code anchor + k * interval}, starting with the first one at or
   * after the job is scheduled: {@code every(Duration.ofMinutes(10), Instant.EPOCH)} fires at :00, :10, :20 ... of
   * every hour. Instances of a cluster started at different moments then share their fire times, which the
   * {@link JobLock} needs to run each fire time once.
   */
  public static Schedule every(Duration interval, Instant anchor) {
    Schedule s = every(interval);
    return new Schedule(Kind.INTERVAL, s.interval, Duration.ZERO, Objects.requireNonNull(anchor, "anchor"), null,
        null, null);
  }

  /**
   * Fires on a cron expression in {@code zone}. Six or seven fields are read as Quartz syntax (seconds first,
   * {@code ?}, {@code L}, {@code W}, {@code #}; e.g. {@code 0 30 2 * * ?}); five fields as Unix cron
   * ({@code 30 2 * * *}). See the class comment for how daylight-saving changes are handled.
   *
   * @throws CopyJobException {@link ErrorCode#INVALID_JOB} for an expression that does not parse
   */
  public static Schedule cron(String expression, ZoneId zone) {
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(zone, "zone");
    String trimmed = expression.trim();
    Cron parsed;
    try {
      parsed = (trimmed.split("\\s+").length == 5 ? UNIX : QUARTZ).parse(trimmed);
      parsed.validate();
    } catch (IllegalArgumentException e) {
      throw CopyJobException.builder(ErrorCode.INVALID_JOB, "invalid cron expression '" + expression + "': "
          + e.getMessage()).cause(e).build();
    }
    return new Schedule(Kind.CRON, null, Duration.ZERO, trimmed, zone, ExecutionTime.forCron(parsed));
  }

  /** The first fire time of a job scheduled at {@code start}; empty if it never fires. */
  public Optional<Instant> firstFire(Instant start) {
    switch (kind) {
      case ONCE:
        return Optional.of(start.plus(initialDelay));
      case INTERVAL:
        return Optional.of(anchor == null ? start.plus(initialDelay) : onGrid(anchor, start.minusNanos(1)));
      default:
        return nextCron(start.minusNanos(1));
    }
  }

  /**
   * The first fire time strictly after {@code after}, for a job that last fired (or was due to fire) at
   * {@code lastFire}; empty when the schedule has no more fire times.
   */
  public Optional<Instant> nextFire(Instant lastFire, Instant after) {
    switch (kind) {
      case ONCE:
        return Optional.empty();
      case INTERVAL: {
        return Optional.of(onGrid(anchor == null ? lastFire : anchor, after.isBefore(lastFire) ? lastFire : after));
      }
      default:
        return nextCron(after);
    }
  }

  /** The first instant {@code origin + k * interval} (k any integer) strictly after {@code after}. */
  private Instant onGrid(Instant origin, Instant after) {
    Duration d = Duration.between(origin, after);
    long q = d.dividedBy(interval);
    if (d.isNegative() && !interval.multipliedBy(q).equals(d)) {
      q--; // floor, not truncation, before the origin
    }
    return origin.plus(interval.multipliedBy(q + 1));
  }

  /** The next {@code count} fire times of a job scheduled at {@code start}, for previews and tests. */
  public List<Instant> fireTimes(Instant start, int count) {
    List<Instant> out = new ArrayList<>();
    Optional<Instant> t = firstFire(start);
    while (t.isPresent() && out.size() < count) {
      out.add(t.get());
      t = nextFire(t.get(), t.get());
    }
    return out;
  }

  private Optional<Instant> nextCron(Instant after) {
    ZoneRules rules = zone.getRules();
    LocalDateTime from = LocalDateTime.ofInstant(after, zone);
    if (transitionNear(rules, after)) {
      from = from.minus(DST_WINDOW);
    }
    Instant best = null;
    LocalDateTime bestLocal = null;
    LocalDateTime local = from;
    for (int i = 0; i < 100_000; i++) {
      Optional<ZonedDateTime> n = cron.nextExecution(local.atZone(ZoneOffset.UTC));
      if (n.isEmpty()) {
        break;
      }
      local = n.get().toLocalDateTime();
      if (bestLocal != null && local.isAfter(bestLocal.plus(DST_WINDOW))) {
        break;
      }
      // In a gap, ZonedDateTime shifts forward by the gap; in an overlap it takes the earlier offset.
      Instant mapped = ZonedDateTime.of(local, zone).toInstant();
      if (mapped.isAfter(after) && (best == null || mapped.isBefore(best))) {
        best = mapped;
        bestLocal = local;
        if (!transitionNear(rules, mapped)) {
          break;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private static boolean transitionNear(ZoneRules rules, Instant t) {
    ZoneOffsetTransition next = rules.nextTransition(t.minus(DST_WINDOW));
    return next != null && next.getInstant().isBefore(t.plus(DST_WINDOW));
  }

  private static Duration nonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, what + " must not be negative: " + d);
    }
    return d;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule s && s.kind == kind && Objects.equals(s.interval, interval)
        && Objects.equals(s.initialDelay, initialDelay) && Objects.equals(s.anchor, anchor)
        && Objects.equals(s.expression, expression)
        && Objects.equals(s.zone, zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, interval, initialDelay, anchor, expression, zone);
  }

  @Override
  public String toString() {
    switch (kind) {
      case ONCE:
        return initialDelay.isZero() ? "once" : "once after " + initialDelay;
      case INTERVAL:
        return "every " + interval + (anchor != null ? " from " + anchor
            : initialDelay.isZero() ? "" : " after " + initialDelay);
      default:
        return "cron '" + expression + "' in " + zone;
    }
  }
}
