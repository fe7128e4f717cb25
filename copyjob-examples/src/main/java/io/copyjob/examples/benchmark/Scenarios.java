package io.copyjob.examples.benchmark;

import java.util.List;

/** Every scenario of the suite, in the order it runs them. */
final class Scenarios {
  private Scenarios() {
  }

  static List<Scenario> all() {
    return List.of(PgToPg.scenario(), CsvToPg.scenario(), PgToParquet.scenario(), CsvToParquet.scenario(),
        Incremental.scenario(), PgToParquet.splits(), PgToS3.scenario(), PgToDelta.scenario(),
        Memory.scenario());
  }

  static Scenario byId(String id) {
    return all().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no scenario " + id));
  }
}
