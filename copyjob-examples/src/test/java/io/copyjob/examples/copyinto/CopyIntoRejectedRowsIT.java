package io.copyjob.examples.copyinto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.storage.files.copyinto.CopyInto;
import io.copyjob.testkit.TestDatabase;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A 1M-row CSV with 37 bad rows of five kinds: MAXERRORS 50 loads the 999,963 others, MAXERRORS 36 loads nothing;
 * both write the 37 rows byte for byte to row.csv and their lines and reasons to error.json.
 */
class CopyIntoRejectedRowsIT {
  private static final int ROWS = 1_000_000;
  private static final Path DIR = Path.of("target", "copyinto-rejects").toAbsolutePath();
  private static final Path FILE = DIR.resolve("orders.csv");
  /** Line → the bad row written there, in file order. */
  private static final Map<Long, String> BAD = new LinkedHashMap<>();
  /** Line → the column each bad row fails on (null: the whole row). */
  private static final Map<Long, String> BAD_COLUMN = new LinkedHashMap<>();

  private final TestDatabase db = new TestDatabase("rejects");

  @BeforeAll
  static void generate() throws IOException {
    Files.createDirectories(DIR);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(FILE), 1 << 16)) {
      for (long line = 1; line <= ROWS; line++) {
        String row = line % 27_100 == 13 ? bad(line) : good(line);
        out.write(row.getBytes(UTF_8));
      }
    }
    assertThat(BAD).hasSize(37);
  }

  private static String good(long line) {
    return line + "," + (line % 5 == 0 ? "\"Smith, J.\"" : "name" + (line % 1000)) + "," + (line % 100) + ","
        + (2000 + line % 25) + "/" + (1 + line % 12) + "/" + (1 + line % 28) + ",note " + line + "\n";
  }

  /** One of five kinds, in turn: column count, conversion, too long, DATEFORMAT, NULL into NOT NULL. */
  private static String bad(long line) {
    int kind = BAD.size() % 5;
    String row;
    String column;
    switch (kind) {
      case 0 -> { row = line + ",name,1,2024/01/01\n"; column = null; }
      case 1 -> { row = line + ",name,many,2024/01/01,note\n"; column = "qty"; }
      case 2 -> { row = line + ",this name is far too long for twenty,1,2024/01/01,note\n"; column = "name"; }
      case 3 -> { row = line + ",name,1,31.12.2024x,note\n"; column = "day"; }
      default -> { row = ",name,1,2024/01/01,note " + line + "\n"; column = "id"; }
    }
    BAD.put(line, row);
    BAD_COLUMN.put(line, column);
    return row;
  }

  private RunResult load(Object maxErrors, Path errors) {
    db.exec("CREATE TABLE IF NOT EXISTS orders (id bigint NOT NULL, name varchar(20), qty int, day date, note text)");
    return CopyInto.parse("COPY INTO orders FROM '" + FILE + "' WITH (FIELDTERMINATOR = ',', DATEFORMAT = 'ymd', "
        + "MATCH_COLUMN_COUNT = 'ON', MAXERRORS = " + maxErrors + (errors == null ? "" : ", ERRORFILE = '" + errors
        + "'") + ")").destination(db.spec()).run();
  }

  /** Beyond COPY: MAXERRORS as a percentage of the rows read, checked before the commit (37 rows are 0.0037%). */
  @Test
  void maxErrorsAsAPercentage() {
    TableResult within = load("'0.004%'", null).tables().get(0);
    assertThat(within.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(within.rowsWritten()).isEqualTo(999_963);
    db.exec("TRUNCATE orders");
    TableResult beyond = load("'0.0035%'", null).tables().get(0);
    assertThat(beyond.status()).isEqualTo(TableStatus.FAILED);
    assertThat(beyond.errorCode()).hasValue(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(beyond.error()).hasValueSatisfying(m -> assertThat(m).contains("37 of 1000000 rows rejected"));
    assertThat(db.count("SELECT count(*) FROM orders")).isZero();
  }

  @Test
  void maxErrors50LoadsEveryGoodRowAndLogsTheBadOnes() throws Exception {
    Path errors = Files.createTempDirectory(DIR, "errors50");
    RunResult r = load(50, errors);
    TableResult t = r.tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(t.rowsWritten()).isEqualTo(999_963);
    assertThat(t.rowsRejected()).isEqualTo(37);
    assertThat(t.rowsRead()).isEqualTo(t.rowsWritten() + t.rowsRejected()).isEqualTo(ROWS);
    assertThat(db.rows("SELECT count(*), count(DISTINCT id), sum(id) FROM orders")).containsExactly(List.of(
        "999963", "999963", String.valueOf((long) ROWS * (ROWS + 1) / 2 - BAD.keySet().stream().mapToLong(l -> l).sum())));
    assertThat(db.rows("SELECT id, name, qty, day, note FROM orders WHERE id IN (5, 14, 999999) ORDER BY id"))
        .containsExactly(List.of("5", "Smith, J.", "5", "2005-06-06", "note 5"),
            List.of("14", "name14", "14", "2014-03-15", "note 14"),
            List.of("999999", "name999", "99", "2024-04-08", "note 999999"));
    assertErrorFile(errors, r.runId());
  }

  @Test
  void maxErrors36FailsLeavesTheTableUnchangedAndStillWritesTheErrorFile() throws Exception {
    db.exec("CREATE TABLE orders (id bigint NOT NULL, name varchar(20), qty int, day date, note text)",
        "INSERT INTO orders VALUES (-1, 'before', 0, '2020-01-01', 'kept')");
    Path errors = Files.createTempDirectory(DIR, "errors36");
    RunResult r = load(36, errors);
    TableResult t = r.tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    assertThat(t.errorCode()).hasValue(ErrorCode.TOO_MANY_REJECTED_ROWS);
    assertThat(t.error()).hasValueSatisfying(m -> assertThat(m).contains("more than 36 rows rejected"));
    assertThat(db.rows("SELECT id, name FROM orders")).containsExactly(List.of("-1", "before"));
    assertErrorFile(errors, r.runId());
  }

  /** row.csv is the 37 bad rows byte for byte, error.json their files, lines, columns and reasons. */
  private static void assertErrorFile(Path errors, String runId) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(errors)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).extracting(p -> errors.relativize(p).toString().replaceAll("\\d{8}-\\d{6}", "TIME"))
        .containsExactly("_rejectedrows/TIME/" + runId + "/error.json", "_rejectedrows/TIME/" + runId + "/row.csv");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (String row : BAD.values()) {
      expected.write(row.getBytes(UTF_8));
    }
    assertThat(Files.readAllBytes(files.get(1))).isEqualTo(expected.toByteArray());
    JsonNode json = new ObjectMapper().readTree(files.get(0).toFile());
    assertThat(json).hasSize(37);
    List<Long> lines = new ArrayList<>();
    for (JsonNode e : json) {
      long line = e.get("line").asLong();
      lines.add(line);
      assertThat(e.get("file").asText()).isEqualTo(FILE.toString());
      assertThat(e.get("column").isNull() ? null : e.get("column").asText()).as("column of line %d", line)
          .isEqualTo(BAD_COLUMN.get(line));
      assertThat(e.get("reason").asText()).isNotBlank();
    }
    assertThat(lines).containsExactlyElementsOf(BAD.keySet());
  }
}
