package io.copyjob.storage.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.WatermarkStores;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.RecordBatch;
import io.copyjob.data.Schema;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Fragment;
import io.copyjob.spi.SinkConnector;
import io.copyjob.spi.SplitWriter;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WatermarkStore;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.spi.WriteTransaction;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL to Delta and back, on one store (subclasses give the location). Every table written is checked by
 * {@link DeltaLogOracle}: DuckDB reading the live files the log lists, with values in canonical forms.
 */
abstract class DeltaCopyContract {
  // Output columns are aliased so that ORDER BY id sorts by the number, not by its text.
  static final String PG_CANONICAL = "SELECT id::text AS k, qty::text, small::text, amount::text, (price * 4)::bigint::text, "
      + "note, day::text, (extract(epoch FROM updated) * 1000000)::bigint::text, "
      + "(extract(epoch FROM seen) * 1000000)::bigint::text, flag::int::text, ref::text FROM %s ORDER BY id";
  static final String DUCK_CANONICAL = "SELECT CAST(id AS VARCHAR) AS k, CAST(qty AS VARCHAR), CAST(small AS VARCHAR), "
      + "CAST(amount AS VARCHAR), CAST(CAST(price * 4 AS BIGINT) AS VARCHAR), note, CAST(day AS VARCHAR), "
      + "CAST(epoch_us(updated) AS VARCHAR), CAST(epoch_us(seen) AS VARCHAR), CAST(CAST(flag AS INTEGER) AS VARCHAR), "
      + "ref FROM %s ORDER BY id";
  static final int ROWS = 3000;

  @TempDir
  Path scratch;

  /** A fresh location (an empty folder or bucket prefix) with the store's options. */
  abstract ConnectorSpec lake(String test);

  static FileStore store(ConnectorSpec lake) {
    return FileStores.open(lake.options().get("location"), lake.options());
  }

  static TestDatabase orders(int rows) {
    TestDatabase db = new TestDatabase("delta");
    db.exec("CREATE TABLE orders (id bigint PRIMARY KEY, qty integer, small smallint, amount numeric(12,2), "
        + "price double precision, note text, day date, updated timestamp(6), seen timestamptz(6), flag boolean, ref uuid)");
    insert(db, 1, rows);
    return db;
  }

  static void insert(TestDatabase db, int from, int to) {
    db.exec("INSERT INTO orders SELECT i, CASE WHEN i % 97 = 0 THEN NULL ELSE i % 1000 - 500 END, (i % 100)::smallint, "
        + "CASE WHEN i % 97 = 0 THEN NULL ELSE (i * 1001 - 2500000) / 100.0 END, i / 4.0, "
        + "CASE WHEN i % 97 = 0 THEN NULL WHEN i % 5 = 0 THEN 'ünï ✓ \"q\" ' || i ELSE 'note ' || i END, "
        + "date '2020-01-01' + i, timestamp '2024-02-29 23:59:59.123456' + i * interval '37 seconds 1 microsecond', "
        + "timestamptz '2024-06-01 12:00:00.000001+00' + i * interval '1013 milliseconds', i % 2 = 0, "
        + "md5(i::text)::uuid FROM generate_series(" + from + ", " + to + ") i");
  }

  List<List<String>> delta(ConnectorSpec lake, String table) throws Exception {
    try (FileStore store = store(lake)) {
      return DeltaLogOracle.query(store, table, scratch, DUCK_CANONICAL);
    }
  }

  static List<List<String>> pg(TestDatabase db, String table) {
    return db.rows(String.format(PG_CANONICAL, table));
  }

  /** Job names unique per store: the default watermark store is shared by the JVM, keyed by job name. */
  String job(String name) {
    return getClass().getSimpleName() + "-" + name;
  }

  static TableResult only(RunResult r) {
    return r.tables().get(0);
  }

  @Test
  void appendsTwiceThenOverwritesWithEqualValues() throws Exception {
    TestDatabase db = orders(ROWS);
    ConnectorSpec lake = lake("append").with(DeltaOptions.TARGET_FILE_SIZE, "32KiB");
    CopyJob append = CopyJob.builder().name(job("pg-to-delta")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.append()).parallelism(2).build();
    assertThat(only(append.run().throwIfFailed()).rowsWritten()).isEqualTo(ROWS);
    List<List<String>> expected = pg(db, "orders");
    assertThat(delta(lake, "public/orders")).isEqualTo(expected);

    append.run().throwIfFailed();
    List<List<String>> twice = new ArrayList<>();
    for (List<String> row : expected) {
      twice.add(row);
      twice.add(row);
    }
    assertThat(delta(lake, "public/orders")).isEqualTo(twice);

    CopyJob overwrite = append.toBuilder().editTable("public.orders", t -> t.overwrite()).build();
    assertThat(only(overwrite.run().throwIfFailed()).rowsWritten()).isEqualTo(ROWS);
    assertThat(delta(lake, "public/orders")).isEqualTo(expected);
    try (FileStore store = store(lake)) {
      assertThat(DeltaLogOracle.liveFiles(store, "public/orders")).hasSizeGreaterThan(1)
          .allSatisfy(f -> assertThat(f).endsWith(".zstd.parquet"));
    }
  }

  @Test
  void upsertsByPrimaryKeyRewritingOnlyTouchedFiles() throws Exception {
    TestDatabase db = orders(ROWS);
    ConnectorSpec lake = lake("upsert").with(DeltaOptions.TARGET_FILE_SIZE, "16KiB");
    CopyJob upsert = CopyJob.builder().name(job("pg-upsert")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.incremental("updated").upsert()).batchRows(500).build();
    upsert.run().throwIfFailed();
    Set<String> before;
    try (FileStore store = store(lake)) {
      before = DeltaLogOracle.liveFiles(store, "public/orders");
    }
    // Change the newest rows and add some: an incremental upsert then touches only the files holding high ids.
    db.exec("UPDATE orders SET note = 'changed ' || id, amount = amount + 1, updated = updated + interval '1 day' "
        + "WHERE id > " + (ROWS - 50));
    insert(db, ROWS + 1, ROWS + 40);
    db.exec("UPDATE orders SET updated = updated + interval '1 day' WHERE id > " + ROWS);
    TableResult second = only(upsert.run().throwIfFailed());
    assertThat(second.rowsWritten()).isEqualTo(90);
    assertThat(delta(lake, "public/orders")).isEqualTo(pg(db, "orders"));
    try (FileStore store = store(lake)) {
      Set<String> live = DeltaLogOracle.liveFiles(store, "public/orders");
      long untouched = live.stream().filter(before::contains).count();
      assertThat(untouched).as("files whose keys the run did not touch stay").isPositive()
          .isLessThan(before.size());
    }
  }

  /** Each id three times in one run, spread over several files: the last row of each id is the one the table keeps. */
  @Test
  void anUpsertRunCarryingAKeyTwiceKeepsItsLastRow() throws Exception {
    TestDatabase db = new TestDatabase("delta");
    db.exec("CREATE TABLE changes (id bigint, v text)",
        "INSERT INTO changes SELECT i % 500, 'v' || i FROM generate_series(1, 1500) i");
    ConnectorSpec lake = lake("upsert-twice").with(DeltaOptions.TARGET_FILE_SIZE, "4KiB");
    CopyJob upsert = CopyJob.builder().name(job("upsert-twice")).source(db.spec()).destination(lake)
        .table("public.changes", t -> t.upsert("id")).batchRows(100).build();
    List<List<String>> expected = new ArrayList<>();
    for (int id = 0; id < 500; id++) {
      expected.add(List.of(Integer.toString(id), "v" + (id == 0 ? 1500 : id + 1000)));
    }

    assertThat(only(upsert.run().throwIfFailed()).rowsWritten()).isEqualTo(500);
    assertThat(changes(lake)).isEqualTo(expected);
    // Into the existing table: the run is reduced the same way, then replaces the rows of its keys.
    assertThat(only(upsert.run().throwIfFailed()).rowsWritten()).isEqualTo(500);
    assertThat(changes(lake)).isEqualTo(expected);
  }

  /**
   * A partitioned table whose rows move partition within one run: id 0 opens the eu file, each id's us row comes
   * before its eu row. The eu rows, arrived last, are kept, whatever order the partition files close in; a NULL
   * key is kept as it is.
   */
  @Test
  void anUpsertRunMovingKeysBetweenPartitionsKeepsTheRowArrivedLast() throws Exception {
    TestDatabase db = new TestDatabase("delta");
    db.exec("CREATE TABLE moves (id bigint, v text, region text)",
        "INSERT INTO moves VALUES (0, 'x0', 'eu')",
        "INSERT INTO moves SELECT i, 'us-' || i, 'us' FROM generate_series(1, 300) i",
        "INSERT INTO moves SELECT i, 'eu-' || i, 'eu' FROM generate_series(1, 300) i",
        "INSERT INTO moves VALUES (NULL, 'n1', 'us'), (NULL, 'n2', 'eu')");
    ConnectorSpec lake = lake("upsert-moves").with(DeltaOptions.PARTITION_BY, "region");
    CopyJob upsert = CopyJob.builder().name(job("upsert-moves")).source(db.spec()).destination(lake)
        .table("public.moves", t -> t.upsert("id")).batchRows(1000).build();

    assertThat(only(upsert.run().throwIfFailed()).rowsWritten()).isEqualTo(303);
    List<List<String>> expected = new ArrayList<>();
    expected.add(List.of("0", "x0", "eu"));
    for (int id = 1; id <= 300; id++) {
      expected.add(List.of(Integer.toString(id), "eu-" + id, "eu"));
    }
    expected.add(java.util.Arrays.asList(null, "n1", "us"));
    expected.add(java.util.Arrays.asList(null, "n2", "eu"));
    try (FileStore store = store(lake)) {
      assertThat(DeltaLogOracle.query(store, "public/moves", scratch,
          "SELECT CAST(id AS VARCHAR) AS k, v, region FROM %s ORDER BY id NULLS LAST, v")).isEqualTo(expected);
    }
  }

  private List<List<String>> changes(ConnectorSpec lake) throws Exception {
    try (FileStore store = store(lake)) {
      return DeltaLogOracle.query(store, "public/changes", scratch,
          "SELECT CAST(id AS VARCHAR) AS k, v FROM %s ORDER BY id");
    }
  }

  @Test
  void writesAPartitionedTableAppendsUpsertsAcrossPartitionsAndReadsItBack() throws Exception {
    TestDatabase db = orders(ROWS);
    ConnectorSpec lake = lake("partitioned").with(DeltaOptions.PARTITION_BY, "flag");
    CopyJob upsert = CopyJob.builder().name(job("partitioned")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.upsert()).batchRows(700).build();
    upsert.run().throwIfFailed();
    assertThat(delta(lake, "public/orders")).isEqualTo(pg(db, "orders"));
    try (FileStore store = store(lake)) {
      assertThat(DeltaLogOracle.liveFiles(store, "public/orders"))
          .allSatisfy(f -> assertThat(f).matches("flag=(true|false)/part-.*\\.zstd\\.parquet"));
    }
    // Rows moving to the other partition, changed rows staying, new rows.
    db.exec("UPDATE orders SET flag = NOT flag, note = 'moved' WHERE id % 300 = 0");
    db.exec("UPDATE orders SET note = 'stayed' WHERE id % 301 = 0");
    insert(db, ROWS + 1, ROWS + 30);
    upsert.run().throwIfFailed();
    assertThat(delta(lake, "public/orders")).isEqualTo(pg(db, "orders"));

    TestDatabase back = new TestDatabase("deltapart");
    CopyJob.builder().name(job("partitioned-out")).source(lake).destination(back.spec()).table("public.orders")
        .build().run().throwIfFailed();
    assertThat(pg(back, "public.orders")).isEqualTo(pg(db, "orders"));

    // Only the partition column: the files are read for their row counts alone.
    TestDatabase flags = new TestDatabase("deltaflags");
    CopyJob.builder().name(job("flags-out")).source(lake).destination(flags.spec())
        .table("public.orders", t -> t.columns("flag")).build().run().throwIfFailed();
    assertThat(flags.rows("SELECT flag::text, count(*)::text FROM public.orders GROUP BY flag ORDER BY flag"))
        .isEqualTo(db.rows("SELECT flag::text, count(*)::text FROM orders GROUP BY flag ORDER BY flag"));
  }

  @Test
  void readsDeltaIntoPostgresFullyAndIncrementally() throws Exception {
    TestDatabase db = orders(ROWS);
    ConnectorSpec lake = lake("read");
    CopyJob load = CopyJob.builder().name(job("load")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.incremental("id").append()).build();
    load.run().throwIfFailed();

    TestDatabase full = new TestDatabase("deltafull");
    CopyJob readFull = CopyJob.builder().name(job("read-full")).source(lake).destination(full.spec())
        .table("public.orders", t -> t.overwrite()).parallelism(2).build();
    assertThat(only(readFull.run().throwIfFailed()).rowsRead()).isEqualTo(ROWS);
    assertThat(pg(full, "public.orders")).isEqualTo(pg(db, "orders"));

    // Incremental on the key: the first file lies below the watermark by its statistics and is not read. And on a
    // timestamp, whose statistics Delta keeps in milliseconds while the watermark has microseconds.
    TestDatabase byId = new TestDatabase("deltainc");
    TestDatabase byTime = new TestDatabase("deltainctime");
    CopyJob readNew = CopyJob.builder().name(job("read-new")).source(lake).destination(byId.spec())
        .table("public.orders", t -> t.incremental("id").append()).build();
    CopyJob readChanged = CopyJob.builder().name(job("read-changed")).source(lake).destination(byTime.spec())
        .table("public.orders", t -> t.incremental("updated").append()).build();
    TableResult first = only(readNew.run().throwIfFailed());
    assertThat(first.rowsWritten()).isEqualTo(ROWS);
    assertThat(only(readChanged.run().throwIfFailed()).rowsWritten()).isEqualTo(ROWS);
    insert(db, ROWS + 1, ROWS + 500);
    load.run().throwIfFailed();

    TableResult second = only(readNew.run().throwIfFailed());
    assertThat(second.rowsRead()).isEqualTo(500);
    assertThat(second.watermarkAfter()).contains(Watermark.of(LogicalType.int64(), (long) ROWS + 500));
    assertThat(second.bytesRead()).isPositive().isLessThan(first.bytesRead() / 3);
    assertThat(pg(byId, "public.orders")).isEqualTo(pg(db, "orders"));

    TableResult changed = only(readChanged.run().throwIfFailed());
    assertThat(changed.rowsRead()).isEqualTo(500);
    assertThat(changed.watermarkAfter()).contains(Watermark.of(LogicalType.timestamp(6),
        java.time.LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_000).plusSeconds(37L * (ROWS + 500))
            .plusNanos(1000L * (ROWS + 500))));
    assertThat(pg(byTime, "public.orders")).isEqualTo(pg(db, "orders"));

    // Time travel: version 0 is the first load alone.
    TestDatabase old = new TestDatabase("deltav0");
    TableResult v0 = only(CopyJob.builder().name(job("read-v0")).source(lake.with(DeltaOptions.VERSION, "0"))
        .destination(old.spec()).table("public.orders").build().run().throwIfFailed());
    assertThat(v0.rowsRead()).isEqualTo(ROWS);
    assertThat(pg(old, "public.orders")).isEqualTo(pg(db, "orders").subList(0, ROWS));
  }

  @Test
  void rerunAfterCrashBetweenCommitAndWatermarkSaveDoesNotDuplicate() throws Exception {
    TestDatabase db = orders(ROWS);
    ConnectorSpec lake = lake("crash");
    WatermarkStore memory = WatermarkStores.inMemory();
    AtomicBoolean crash = new AtomicBoolean(true);
    WatermarkStore crashing = new WatermarkStore() {
      @Override
      public Optional<Watermark> load(String job, DatasetId table) {
        return memory.load(job, table);
      }

      @Override
      public void save(String job, DatasetId table, Optional<Watermark> expected, Watermark next) {
        if (crash.getAndSet(false)) {
          throw new IllegalStateException("the process died before the watermark was saved");
        }
        memory.save(job, table, expected, next);
      }

      @Override
      public void reset(String job, DatasetId table) {
        memory.reset(job, table);
      }
    };
    CopyJob job = CopyJob.builder().name(job("crashy")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.incremental("id").append()).watermarkStore(crashing).build();
    TableResult first = only(job.run());
    assertThat(first.status()).isEqualTo(TableStatus.FAILED);
    assertThat(first.error().orElseThrow()).contains("watermark");
    assertThat(delta(lake, "public/orders")).hasSize(ROWS); // committed, watermark not saved

    insert(db, ROWS + 1, ROWS + 100);
    TableResult rerun = only(job.run().throwIfFailed());
    assertThat(rerun.rowsWritten()).isEqualTo(ROWS + 100);
    assertThat(delta(lake, "public/orders")).isEqualTo(pg(db, "orders"));

    insert(db, ROWS + 101, ROWS + 110);
    assertThat(only(job.run().throwIfFailed()).rowsWritten()).isEqualTo(10);
    assertThat(delta(lake, "public/orders")).isEqualTo(pg(db, "orders"));
  }

  @Test
  void twoConcurrentAppendersBothLand() throws Exception {
    ConnectorSpec lake = lake("concurrent");
    Schema schema = Schema.of(Field.required("id", LogicalType.int64()), Field.of("note", LogicalType.string()));
    DatasetId table = DatasetId.of("events");
    DeltaConnectorProvider provider = new DeltaConnectorProvider();
    ConnectorOptions options = ConnectorOptions.of("delta", lake.options(), provider.sensitiveOptions());
    try (SinkConnector create = provider.createSink(options)) {
      commit(create, "creator", table, schema, 0, 10);
    }
    try (SinkConnector a = provider.createSink(options); SinkConnector b = provider.createSink(options)) {
      // Both read the same version; A commits first, B's commit finds that version taken and lands after it.
      WriteTransaction ta = a.begin(WriteRequest.of("writer-a", "run-a", table, schema, WriteStrategy.append(),
          List.of(), TableCreation.CREATE_IF_ABSENT));
      WriteTransaction tb = b.begin(WriteRequest.of("writer-b", "run-b", table, schema, WriteStrategy.append(),
          List.of(), TableCreation.CREATE_IF_ABSENT));
      List<Fragment> fa = List.of(write(ta, schema, 100, 1000));
      List<Fragment> fb = List.of(write(tb, schema, 2000, 500));
      assertThat(ta.commit(fa)).isEqualTo(1000);
      assertThat(tb.commit(fb)).isEqualTo(500);
      ta.close();
      tb.close();
    }
    try (FileStore store = store(lake)) {
      // Version 0 is the creator's. A and B both began on it; A took version 1, B's put-if-absent of 1 failed, Kernel
      // found no logical conflict with A's blind append and committed B as version 2.
      assertThat(new String(store.openRead("events/_delta_log/00000000000000000001.json").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8)).contains("copyjob:writer-a:events");
      assertThat(new String(store.openRead("events/_delta_log/00000000000000000002.json").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8)).contains("copyjob:writer-b:events");
      assertThat(store.exists("events/_delta_log/00000000000000000003.json")).isFalse();
      List<List<String>> rows = DeltaLogOracle.query(store, "events", scratch,
          "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM %s");
      assertThat(rows).containsExactly(List.of("1510", "1510", "0", "2499"));
    }
  }

  @Test
  void anUpsertThatLosesTheRaceFailsClearlyAndLeavesTheWinnersRows() throws Exception {
    ConnectorSpec lake = lake("upsert-race");
    Schema schema = Schema.of(Field.required("id", LogicalType.int64()), Field.of("note", LogicalType.string()));
    DatasetId table = DatasetId.of("events");
    DeltaConnectorProvider provider = new DeltaConnectorProvider();
    ConnectorOptions options = ConnectorOptions.of("delta", lake.options(), provider.sensitiveOptions());
    try (SinkConnector create = provider.createSink(options)) {
      commit(create, "creator", table, schema, 0, 10);
    }
    try (SinkConnector a = provider.createSink(options); SinkConnector b = provider.createSink(options)) {
      WriteTransaction ta = a.begin(WriteRequest.of("upsert-a", "run-a", table, schema, WriteStrategy.upsert("id"),
          List.of(), TableCreation.MUST_EXIST));
      WriteTransaction tb = b.begin(WriteRequest.of("upsert-b", "run-b", table, schema, WriteStrategy.upsert("id"),
          List.of(), TableCreation.MUST_EXIST));
      List<Fragment> fa = List.of(write(ta, schema, 5, 10));
      List<Fragment> fb = List.of(write(tb, schema, 8, 10));
      assertThat(ta.commit(fa)).isEqualTo(10);
      assertThatThrownBy(() -> tb.commit(fb)).isInstanceOf(CopyJobException.class)
          .hasMessageContaining("another writer committed").hasMessageContaining("events");
      tb.abort();
      ta.close();
      tb.close();
    }
    try (FileStore store = store(lake)) {
      assertThat(DeltaLogOracle.query(store, "events", scratch, "SELECT count(*), count(DISTINCT id), max(id) FROM %s"))
          .containsExactly(List.of("15", "15", "14"));
      assertThat(store.list("events").stream().filter(f -> f.name().startsWith("part-run-b"))).isEmpty();
    }
  }

  @Test
  void schemaEvolutionAddsANewNullableColumn() throws Exception {
    TestDatabase db = orders(100);
    ConnectorSpec lake = lake("evolve").with(DeltaOptions.SCHEMA_EVOLUTION, "true");
    CopyJob job = CopyJob.builder().name(job("evolve")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.incremental("id").append()).build();
    job.run().throwIfFailed();
    db.exec("ALTER TABLE orders ADD COLUMN extra text");
    insert(db, 101, 120);
    db.exec("UPDATE orders SET extra = 'ëxtra ' || id WHERE id > 100");
    assertThat(only(job.run().throwIfFailed()).rowsWritten()).isEqualTo(20);

    List<List<String>> expected = db.rows("SELECT id::text AS k, note, extra FROM orders ORDER BY id");
    assertThat(expected.get(0).get(2)).isNull();
    assertThat(expected.get(119).get(2)).isEqualTo("ëxtra 120");
    try (FileStore store = store(lake)) {
      assertThat(DeltaLogOracle.query(store, "public/orders", scratch,
          "SELECT CAST(id AS VARCHAR) AS k, note, extra FROM %s ORDER BY id")).isEqualTo(expected);
    }
    // And back out: the old files read the new column as NULL.
    TestDatabase back = new TestDatabase("deltaevolved");
    CopyJob.builder().name(job("evolved-out")).source(lake).destination(back.spec()).table("public.orders").build()
        .run().throwIfFailed();
    assertThat(back.rows("SELECT id::text AS k, note, extra FROM public.orders ORDER BY id")).isEqualTo(expected);
  }

  @Test
  void aNewSourceColumnFailsClearlyWithoutSchemaEvolutionAndLeavesTheTable() throws Exception {
    TestDatabase db = orders(100);
    ConnectorSpec lake = lake("noevolve");
    CopyJob job = CopyJob.builder().name(job("no-evolve")).source(db.spec()).destination(lake)
        .table("public.orders", t -> t.append()).build();
    job.run().throwIfFailed();
    db.exec("ALTER TABLE orders ADD COLUMN extra text");
    TableResult second = only(job.run());
    assertThat(second.status()).isEqualTo(TableStatus.FAILED);
    assertThat(second.errorCode()).contains(ErrorCode.SCHEMA_MISMATCH);
    assertThat(second.error().orElseThrow()).contains("extra").contains(DeltaOptions.SCHEMA_EVOLUTION);
    assertThat(delta(lake, "public/orders")).hasSize(100);
  }

  private static void commit(SinkConnector sink, String job, DatasetId table, Schema schema, long from, int rows) {
    try (WriteTransaction tx = sink.begin(WriteRequest.of(job, "run-" + job, table, schema, WriteStrategy.append(),
        List.of(), TableCreation.CREATE_IF_ABSENT))) {
      tx.commit(List.of(write(tx, schema, from, rows)));
    }
  }

  private static Fragment write(WriteTransaction tx, Schema schema, long from, int rows) {
    SplitWriter w = tx.openWriter(0);
    RecordBatch batch = RecordBatch.allocate(schema, rows);
    for (int i = 0; i < rows; i++) {
      batch.longs(0).set(i, from + i);
      batch.objects(1).set(i, "event " + (from + i));
    }
    batch.setRowCount(rows);
    w.write(batch);
    return w.finish();
  }
}
