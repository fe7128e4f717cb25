package io.copyjob.examples.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one scenario: a JVM per variant, then round by round each variant in turn (so that load from elsewhere
 * hits every variant alike), then each variant's check, then the medians.
 */
final class ScenarioRun {
  private final BenchContext ctx;
  private final Scenario scenario;
  private final BenchmarkSuite.Settings settings;

  ScenarioRun(BenchContext ctx, Scenario scenario, BenchmarkSuite.Settings settings) {
    this.ctx = ctx;
    this.scenario = scenario;
    this.settings = settings;
  }

  List<Result> run() throws Exception {
    BenchmarkSuite.say("%s: setting up", scenario.title());
    long start = System.nanoTime();
    scenario.setUp().run(ctx);
    if (System.nanoTime() - start > 1_000_000_000L) {
      BenchmarkSuite.say("%s: data ready in %.0f s", scenario.title(), (System.nanoTime() - start) / 1e9);
    }
    List<Scenario.Spec> specs = scenario.variants().stream().filter(v -> v.pending() == null).toList();
    List<WorkerProcess> workers = new ArrayList<>();
    try {
      for (Scenario.Spec spec : specs) {
        workers.add(WorkerProcess.start(ctx, scenario, spec, scenario.heap().orElse(settings.heap()),
            jvmArguments(spec)));
      }
      return results(specs, workers, measure(specs, workers));
    } finally {
      for (WorkerProcess w : workers) {
        w.close();
      }
      scenario.tearDown().run(ctx);
    }
  }

  /** Every variant's measured rounds, and the load average over them. */
  private record Measured(List<List<WorkerProcess.Round>> rounds, String load) {
  }

  private Measured measure(List<Scenario.Spec> specs, List<WorkerProcess> workers) throws Exception {
    List<List<WorkerProcess.Round>> rounds = new ArrayList<>();
    specs.forEach(s -> rounds.add(new ArrayList<>()));
    double minLoad = Double.MAX_VALUE;
    double maxLoad = 0;
    boolean once = scenario.runs() == Scenario.Runs.ONCE;
    for (int round = once ? 1 : 0; round <= (once ? 1 : settings.rounds()); round++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s, round %d%s:", scenario.id(), round,
          round == 0 ? " (warm-up)" : ""));
      for (int v = 0; v < specs.size(); v++) {
        WorkerProcess.Round r = workers.get(v).round(round);
        double load = Machine.load();
        line.append(String.format(Locale.ROOT, "  %s %.2f s (load %.2f)", specs.get(v).name(), r.seconds(), load));
        if (round > 0) {
          rounds.get(v).add(r);
          minLoad = Math.min(minLoad, load);
          maxLoad = Math.max(maxLoad, load);
        }
      }
      BenchmarkSuite.say("%s", line);
    }
    return new Measured(rounds, String.format(Locale.ROOT, "%.1f–%.1f", minLoad, maxLoad));
  }

  /** Checks each variant's copy, then forms its row: medians, peaks, the ratio to the baseline. */
  private List<Result> results(List<Scenario.Spec> specs, List<WorkerProcess> workers, Measured m) throws Exception {
    boolean once = scenario.runs() == Scenario.Runs.ONCE;
    double baseline = once ? Double.NaN : median(m.rounds().get(0));
    List<Result> results = new ArrayList<>();
    for (Scenario.Spec spec : scenario.variants()) {
      int v = specs.indexOf(spec);
      if (v < 0) {
        results.add(Result.notRun(scenario, spec));
        continue;
      }
      workers.get(v).verify();
      List<WorkerProcess.Round> rs = m.rounds().get(v);
      double seconds = median(rs);
      double ratio = spec.target() == null || once ? Double.NaN : spec.target().ratio(baseline, seconds);
      results.add(new Result(scenario, spec, seconds, rs.get(rs.size() - 1).rows(),
          rs.stream().mapToLong(WorkerProcess.Round::peakHeapBytes).max().orElse(0),
          rs.stream().mapToLong(WorkerProcess.Round::peakAfterGcBytes).max().orElse(0),
          workers.get(v).peakRssBytes(), ratio, m.load()));
    }
    return results;
  }

  /** The suite's extra JVM arguments, with {@code {name}} replaced by scenario-variant (for JFR file names). */
  private List<String> jvmArguments(Scenario.Spec spec) {
    String name = (scenario.id() + "-" + spec.name()).replaceAll("[^A-Za-z0-9-]+", "_");
    return settings.jvmArgs().stream().map(a -> a.replace("{name}", name)).toList();
  }

  static double median(List<WorkerProcess.Round> rounds) {
    double[] s = rounds.stream().mapToDouble(WorkerProcess.Round::seconds).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
