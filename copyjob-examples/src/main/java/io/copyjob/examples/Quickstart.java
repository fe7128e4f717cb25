package io.copyjob.examples;

import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.core.WatermarkStores;
import io.copyjob.core.monitor.ConsoleProgress;
import io.copyjob.core.monitor.RunReport;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.storage.files.FilesLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The quickstart: a real copy on embedded defaults. It starts PostgreSQL, fills {@code shop.public.orders} with
 * 100,000 rows, copies the table fully to Parquet files and incrementally (upsert on the primary key) to
 * {@code warehouse.public.orders}, changes some rows, runs both jobs again, prints the run history and writes it
 * as an HTML report to {@code target/quickstart/report.html}. Each table's progress is drawn on the console while
 * it is copied: with a bar for the full copy, whose row count is known, and as a throughput line for the
 * incremental one.
 *
 * <p>Run it with {@code ./mvnw -q -Pquickstart -DskipTests verify -pl copyjob-examples -am}.
 */
public final class Quickstart {
  static final int ROWS = 100_000;

  public static void main(String[] args) throws Exception {
    Path work = Path.of("target", "quickstart").toAbsolutePath();
    deleteRecursively(work);
    try (EmbeddedDatabase db = EmbeddedDatabase.start()) {
      String shop = db.createDatabase("shop");
      String warehouse = db.createDatabase("warehouse");
      say("PostgreSQL started; filling shop.public.orders with %,d rows", ROWS);
      try (Connection c = db.connect("shop"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, status text NOT NULL,"
            + " amount numeric(12,2) NOT NULL, created_at timestamptz NOT NULL, updated_at timestamp(6) NOT NULL)");
        s.execute("INSERT INTO orders SELECT g, 'customer ' || (g % 5000), 'new', (g % 100000) / 100.0,"
            + " timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',"
            + " timestamp '2024-01-01 00:00:00' + g * interval '1 minute' FROM generate_series(1, " + ROWS + ") g");
      }

      RunHistoryStore history = RunHistoryStores.file(work.resolve("history"));
      ConsoleProgress lakeProgress = ConsoleProgress.toConsole().expectRows("public.orders", ROWS);
      CopyJob toLake = CopyJob.builder()
          .name("orders-to-lake")
          .source(PostgresConnection.of(shop, db.user(), ""))
          .destination(FilesLocation.parquet(work.resolve("lake")))
          .table("public.orders", t -> t.overwrite())
          .parallelism(2)
          .runHistoryStore(history)
          .listener(lakeProgress)
          .build();
      CopyJob toWarehouse = CopyJob.builder()
          .name("orders-to-warehouse")
          .source(PostgresConnection.of(shop, db.user(), ""))
          .destination(PostgresConnection.of(warehouse, db.user(), ""))
          .table("public.orders", t -> t.incremental("updated_at").upsert())
          .watermarkStore(WatermarkStores.file(work.resolve("watermarks")))
          .runHistoryStore(history)
          .listener(ConsoleProgress.toConsole())
          .build();

      report(toLake.run().throwIfFailed());
      report(toWarehouse.run().throwIfFailed());

      say("changing 2,500 orders and adding 1,000 new ones");
      try (Connection c = db.connect("shop"); Statement s = c.createStatement()) {
        s.execute("UPDATE orders SET status = 'shipped', updated_at = localtimestamp WHERE id % 40 = 0");
        s.execute("INSERT INTO orders SELECT g, 'customer ' || (g % 5000), 'new', 9.99, now(), localtimestamp"
            + " FROM generate_series(" + (ROWS + 1) + ", " + (ROWS + 1000) + ") g");
      }
      report(toWarehouse.run().throwIfFailed());
      lakeProgress.expectRows("public.orders", ROWS + 1000);
      report(toLake.run().throwIfFailed());

      compare(db);
      printHistory(history, List.of(toLake.name(), toWarehouse.name()));
      Path page = RunReport.of(history, List.of(toLake.name(), toWarehouse.name()), 50)
          .writeTo(work.resolve("report.html"));
      say("run report (self-contained HTML): %s", page);
      say("Parquet files: %s", work.resolve("lake"));
    }
  }

  private static void compare(EmbeddedDatabase db) throws Exception {
    String check = "SELECT count(*), sum(amount), count(*) FILTER (WHERE status = 'shipped') FROM orders";
    String source = firstRow(db, "shop", check);
    String copy = firstRow(db, "warehouse", check);
    say("shop      (rows, sum(amount), shipped): %s", source);
    say("warehouse (rows, sum(amount), shipped): %s  %s", copy, source.equals(copy) ? "= equal" : "!= DIFFERENT");
    if (!source.equals(copy)) {
      throw new IllegalStateException("the warehouse copy differs from the source");
    }
  }

  private static String firstRow(EmbeddedDatabase db, String database, String sql) throws Exception {
    try (Connection c = db.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1) + ", " + rs.getString(2) + ", " + rs.getString(3);
    }
  }

  private static void report(RunResult run) {
    for (TableResult t : run.tables()) {
      say("%s: %s -> %s, %,d rows read, %,d written in %d ms", run.jobName(), t.sourceTable(), t.destinationTable(),
          t.rowsRead(), t.rowsWritten(), t.duration().toMillis());
    }
  }

  static void printHistory(RunHistoryStore history, List<String> jobs) {
    List<RunResult> runs = new ArrayList<>();
    for (String job : jobs) {
      runs.addAll(history.lastRuns(job, 100));
    }
    runs.sort(Comparator.comparing(RunResult::startedAt));
    String format = "%-26s %-20s %-14s %-24s %10s %10s  %-28s %8s%n";
    System.out.println();
    System.out.printf(format, "run", "job", "table", "mode", "read", "written", "watermark after", "ms");
    for (RunResult run : runs) {
      for (TableResult t : run.tables()) {
        System.out.printf(format, run.runId(), run.jobName(), t.sourceTable(), t.mode(), String.format("%,d", t.rowsRead()),
            String.format("%,d", t.rowsWritten()), t.watermarkAfter().map(Object::toString).orElse("-"),
            t.duration().toMillis());
      }
    }
    System.out.println();
  }

  private static void say(String format, Object... args) {
    System.out.println("[quickstart] " + String.format(format, args));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
