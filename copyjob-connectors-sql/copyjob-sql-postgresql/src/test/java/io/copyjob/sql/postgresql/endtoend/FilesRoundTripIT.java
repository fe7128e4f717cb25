package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.testkit.AllTypesTable;
import io.copyjob.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.storage.files.FilesLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** PostgreSQL to CSV, JSON Lines and Parquet files and back, with equal values. */
class FilesRoundTripIT {
  @TempDir
  Path dir;

  private final TestDatabase db = new TestDatabase("files_rt");

  private ConnectorSpec location(String format) {
    switch (format) {
      case "csv": return FilesLocation.csv(dir);
      case "jsonl": return FilesLocation.jsonl(dir);
      default: return FilesLocation.parquet(dir);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "jsonl", "parquet"})
  void everyValueSurvivesTheRoundTrip(String format) {
    AllTypesTable.create(db, "public.all_types");
    CopyJob.builder().name("out-" + format).source(db.spec()).destination(location(format))
        .table("public.all_types").build().run().throwIfFailed();

    db.exec("CREATE SCHEMA back", "CREATE TABLE back.all_types (" + AllTypesTable.COLUMNS + ")");
    var run = CopyJob.builder().name("in-" + format).source(location(format)).destination(db.spec())
        .table("public.all_types", t -> t.renameTo("back.all_types")).build().run().throwIfFailed();

    assertThat(run.rowsWritten()).isEqualTo(4);
    assertThat(db.difference("public.all_types", "back.all_types")).isZero();
    assertThat(db.rows("SELECT note IS NULL, note = '' FROM back.all_types WHERE id IN (2, 3) ORDER BY id"))
        .containsExactly(Arrays.asList("f", "t"), Arrays.asList("t", null));
  }

  @Test
  void parquetWrittenByCopyjobReadsTheSameInDuckDb() throws Exception {
    AllTypesTable.create(db, "public.all_types");
    CopyJob.builder().name("to-parquet").source(db.spec()).destination(FilesLocation.parquet(dir))
        .table("public.all_types").build().run().throwIfFailed();

    String columns = "id, amount::text, strftime(\"at\", '%Y-%m-%d %H:%M:%S.%f'), epoch_us(at_tz), day::text, flag,"
        + " hex(bytes), ref::text, note, small, ratio";
    List<List<String>> duck = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + columns + " FROM read_parquet('" + dir + "/**/*.parquet') ORDER BY id")) {
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
          row.add(rs.getString(i));
        }
        duck.add(row);
      }
    }
    List<List<String>> pg = db.rows("SELECT id, amount::text, to_char(at, 'YYYY-MM-DD HH24:MI:SS.US'),"
        + " (extract(epoch from at_tz) * 1000000)::bigint::text, day::text, flag::text, upper(encode(bytes, 'hex')), ref::text, note,"
        + " small::text, ratio::text FROM all_types ORDER BY id");
    // Normalise the spellings the two engines differ in (booleans, hex of empty, doubles, dates BC/AD).
    assertThat(normalise(duck)).isEqualTo(normalise(pg));
  }

  private static List<List<String>> normalise(List<List<String>> rows) {
    List<List<String>> out = new ArrayList<>();
    for (List<String> row : rows) {
      List<String> r = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        String v = row.get(i);
        if (v == null) {
          r.add(null);
          continue;
        }
        if (i == 5) {
          v = v.startsWith("t") ? "true" : "false";
        } else if (i == 10) {
          v = Double.toString(Double.parseDouble(v));
        } else if (i == 2 || i == 4) {
          v = v.replaceFirst("^0+(\\d{4})", "$1");
        }
        r.add(v);
      }
      out.add(r);
    }
    return out;
  }

  @Test
  void aFolderPerTableAndHiddenFilesSkipped() throws Exception {
    db.exec("CREATE TABLE t (id int PRIMARY KEY, v text)", "INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 100) g");
    CopyJob.builder().name("csv-out").source(db.spec()).destination(FilesLocation.csv(dir)).table("public.t").build()
        .run().throwIfFailed();
    Path folder = dir.resolve("public").resolve("t");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files.filter(p -> !p.getFileName().toString().startsWith(".")).count()).isEqualTo(1);
    }
    Files.writeString(folder.resolve("_SUCCESS"), "not,a,row\n");
    Files.writeString(folder.resolve(".hidden.csv"), "id,v\n999,hidden\n");
    db.exec("CREATE TABLE t_back (id int PRIMARY KEY, v text)");
    CopyJob.builder().name("csv-in").source(FilesLocation.csv(dir)).destination(db.spec())
        .table("public.t", t -> t.renameTo("public.t_back")).build().run().throwIfFailed();
    assertThat(db.difference("t", "t_back")).isZero();
  }
}
