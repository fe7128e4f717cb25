package io.copyjob.examples.benchmark;

import io.copyjob.examples.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark suite: starts PostgreSQL, makes the deterministic data, then runs every scenario's variants
 * alternately round by round, each variant in its own JVM (so heap and RSS peaks are its own), prints the table of
 * medians and writes it into {@code docs/benchmarks.md}.
 *
 * <p>Run with {@code ./mvnw -q -Pbenchmark -DskipTests verify -pl copyjob-examples -am}. System properties:
 * {@code benchmark.rows} (2,000,000), {@code benchmark.rounds} (3, after a warm-up round), {@code benchmark.heap}
 * (256m), {@code benchmark.scenarios} (all; e.g. {@code pg-pg,csv-pg}), {@code benchmark.report} (the markdown file
 * to update), {@code benchmark.jvmArgs} (added to every variant JVM, e.g. for JFR).
 */
public final class BenchmarkSuite {
  private BenchmarkSuite() {
  }

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Settings settings = Settings.fromSystemProperties();
    Path work = Path.of("target", "benchmark").toAbsolutePath();
    try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
      BenchContext ctx = new BenchContext(db.createDatabase("bench"), db.user(), settings.rows(), work);
      say("generating %,d rows x 10 columns, and the CSV files (load %.2f) ...", ctx.rows(), Machine.load());
      long t = System.nanoTime();
      Fixtures.create(ctx);
      say("data ready in %.0f s", (System.nanoTime() - t) / 1e9);

      List<Result> results = new ArrayList<>();
      for (Scenario scenario : settings.scenarios()) {
        results.addAll(new ScenarioRun(ctx, scenario, settings).run());
      }
      String table = ResultTable.markdown(results, Fixtures.csvBytesPerRow(ctx));
      double minutes = (System.nanoTime() - started) / 60e9;
      System.out.println();
      System.out.println(table);
      Report.write(settings.report(), Report.section(settings, Machine.describe(ctx), table, minutes,
          Fixtures.csvBytesPerRow(ctx), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
              .format(Instant.now().atOffset(ZoneOffset.UTC))));
      say("suite done in %.1f min; table written to %s", minutes, settings.report());
    }
  }

  static void say(String format, Object... args) {
    System.out.println("[benchmark] " + String.format(Locale.ROOT, format, args));
  }

  /** The suite's settings, from system properties. */
  record Settings(long rows, int rounds, String heap, List<Scenario> scenarios, Path report, List<String> jvmArgs) {
    static Settings fromSystemProperties() {
      String only = System.getProperty("benchmark.scenarios", "");
      List<Scenario> scenarios = only.isBlank() ? Scenarios.all()
          : Arrays.stream(only.split(",")).map(String::trim).map(Scenarios::byId).toList();
      String jvmArgs = System.getProperty("benchmark.jvmArgs", "");
      return new Settings(Long.getLong("benchmark.rows", 2_000_000), Integer.getInteger("benchmark.rounds", 3),
          System.getProperty("benchmark.heap", "256m"), scenarios,
          Path.of(System.getProperty("benchmark.report", "target/benchmark/benchmarks.md")).toAbsolutePath(),
          jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+")));
    }
  }
}
