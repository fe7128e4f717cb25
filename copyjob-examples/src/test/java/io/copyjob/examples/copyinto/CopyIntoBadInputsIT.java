package io.copyjob.examples.copyinto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ErrorCode;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.storage.files.copyinto.CopyInto;
import io.copyjob.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs end to end, each with one clear outcome: the good rows loaded exactly, or the load failed and the
 * table kept the one row it had before (nothing half-loaded).
 */
class CopyIntoBadInputsIT {
  private static final List<String> BEFORE = List.of("0", "before");
  private final TestDatabase db = new TestDatabase("badinputs");

  @TempDir
  Path dir;

  @BeforeEach
  void table() {
    db.exec("CREATE TABLE t (id int NOT NULL, v varchar(20), d date)", "INSERT INTO t VALUES (0, 'before', NULL)");
  }

  private TableResult load(String name, byte[] content, String with) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    return CopyInto.parse("COPY INTO t FROM '" + file + "'" + (with.isEmpty() ? "" : " WITH (" + with + ")"))
        .destination(db.spec()).run().tables().get(0);
  }

  private List<List<String>> rows() {
    return db.rows("SELECT id, v FROM t ORDER BY id");
  }

  private void assertUnchanged(TableResult r, ErrorCode code) {
    assertThat(r.status()).isEqualTo(TableStatus.FAILED);
    assertThat(r.errorCode()).hasValue(code);
    assertThat(rows()).containsExactly(BEFORE);
  }

  @Test
  void unbalancedQuoteFailsTheLoadWithoutLoadingAnything() throws IOException {
    TableResult r = load("q.csv", "1,one\n2,\"two\n3,three\n".getBytes(UTF_8), "");
    assertThat(r.status()).isEqualTo(TableStatus.FAILED);
    assertThat(r.error()).hasValueSatisfying(m -> assertThat(m).contains("q.csv").contains("line 2"));
    assertThat(rows()).containsExactly(BEFORE);
  }

  @Test
  void fieldTerminatorInsideAQuotedFieldIsData() throws IOException {
    load("f.csv", "1,\"a,b\"\n2,\"c\"\"d,\"\n".getBytes(UTF_8), "");
    assertThat(rows()).containsExactly(BEFORE, List.of("1", "a,b"), List.of("2", "c\"d,"));
  }

  @Test
  void crlfAndLfMixedAreBothRowEndsByDefault() throws IOException {
    TableResult r = load("m.csv", "1,a\r\n2,b\n3,c\r\n4,d".getBytes(UTF_8), "");
    assertThat(r.rowsWritten()).isEqualTo(4);
    assertThat(rows()).containsExactly(BEFORE, List.of("1", "a"), List.of("2", "b"), List.of("3", "c"),
        List.of("4", "d"));
  }

  @Test
  void headerOnlyAndEmptyFilesLoadNothingAndSucceed() throws IOException {
    TableResult header = load("h.csv", "id,v,d\n".getBytes(UTF_8), "FIRSTROW = 2");
    assertThat(header.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(header.rowsRead()).isZero();
    TableResult empty = load("e.csv", new byte[0], "");
    assertThat(empty.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(empty.rowsRead()).isZero();
    assertThat(rows()).containsExactly(BEFORE);
  }

  @Test
  void invalidUtf8IsARejectedRow() throws IOException {
    byte[] bad = {'2', ',', (byte) 0xC3, (byte) 0x28, '\n'};
    byte[] content = concat("1,ok\n".getBytes(UTF_8), bad, "3,fine\n".getBytes(UTF_8));
    assertUnchanged(load("u0.csv", content, ""), ErrorCode.TOO_MANY_REJECTED_ROWS);
    TableResult r = load("u1.csv", content, "MAXERRORS = 1");
    assertThat(r.rowsRejected()).isEqualTo(1);
    assertThat(rows()).containsExactly(BEFORE, List.of("1", "ok"), List.of("3", "fine"));
  }

  @Test
  void utf16WithAndWithoutByteOrderMark() throws IOException {
    String text = "1,Zürich\r\n2,東京\r\n";
    load("le-bom.csv", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(Charset.forName("UTF-16LE"))),
        "ENCODING = 'UTF16'");
    load("be-bom.csv", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "3,Ελλάδα\n".getBytes(Charset.forName("UTF-16BE"))),
        "ENCODING = 'UTF16'");
    load("le.csv", "4,naïve\n".getBytes(Charset.forName("UTF-16LE")), "ENCODING = 'UTF16'");
    assertThat(rows()).containsExactly(BEFORE, List.of("1", "Zürich"), List.of("2", "東京"), List.of("3", "Ελλάδα"),
        List.of("4", "naïve"));
  }

  @Test
  void truncatedGzipFailsTheLoad() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      for (int i = 1; i <= 5000; i++) {
        out.write((i + ",row " + i + "\n").getBytes(UTF_8));
      }
    }
    byte[] whole = gz.toByteArray();
    TableResult r = load("t.csv.gz", Arrays.copyOf(whole, whole.length / 2), "MAXERRORS = 100");
    assertThat(r.status()).isEqualTo(TableStatus.FAILED);
    assertThat(r.error()).hasValueSatisfying(m -> assertThat(m).contains("t.csv.gz"));
    assertThat(rows()).containsExactly(BEFORE);
    TableResult ok = load("w.csv.gz", whole, "");
    assertThat(ok.rowsWritten()).isEqualTo(5000);
  }

  @Test
  void datesNotMatchingDateformatAreRejected() throws IOException {
    byte[] content = "1,a,15/01/2024\n2,b,2024-01-16\n3,c,01/17/2024\n".getBytes(UTF_8);
    assertUnchanged(load("d0.csv", content, "DATEFORMAT = 'dmy'"), ErrorCode.TOO_MANY_REJECTED_ROWS);
    TableResult r = load("d1.csv", content, "DATEFORMAT = 'dmy', MAXERRORS = 1");
    assertThat(r.rowsRejected()).isEqualTo(1);
    assertThat(db.rows("SELECT id, d FROM t WHERE id > 0 ORDER BY id")).containsExactly(
        List.of("1", "2024-01-15"), List.of("2", "2024-01-16"));
  }

  /** Rows the table itself refuses (CHECK, UNIQUE) are rejected too, and reach the error file as their values. */
  @Test
  void rowsTheDestinationRefusesAreRejectedAndLogged() throws IOException {
    db.exec("CREATE TABLE c (id int PRIMARY KEY, qty int CHECK (qty >= 0))", "INSERT INTO c VALUES (1, 5)");
    Path file = dir.resolve("c.csv");
    Files.writeString(file, "2,7\n1,9\n3,-4\n4,0\n");
    Path errors = dir.resolve("errors");
    TableResult r = CopyInto.parse("COPY INTO c FROM '" + file + "' WITH (MAXERRORS = 2, ERRORFILE = '" + errors
        + "')").destination(db.spec()).run().tables().get(0);
    assertThat(r.status()).isEqualTo(TableStatus.SUCCEEDED);
    assertThat(r.rowsRejected()).isEqualTo(2);
    assertThat(r.rowsRead()).isEqualTo(r.rowsWritten() + r.rowsRejected());
    assertThat(db.rows("SELECT id, qty FROM c ORDER BY id")).containsExactly(List.of("1", "5"), List.of("2", "7"),
        List.of("4", "0"));
    Path rowCsv;
    try (var files = Files.walk(errors)) {
      rowCsv = files.filter(p -> p.endsWith("row.csv")).findFirst().orElseThrow();
    }
    assertThat(Files.readString(rowCsv)).isEqualTo("1,9\r\n3,-4\r\n");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
