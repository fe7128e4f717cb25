package io.copyjob.storage.files.copyinto;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.spi.RejectedRow;
import io.copyjob.spi.RejectedRowsLog;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ERRORFILE on the local store: exact bytes of row.csv, exact text of error.json, the folder layout. */
class ErrorFileLogTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T07:05:09Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void writesRawRowsByteForByteAndOneJsonEntryPerRow() throws Exception {
    byte[] crlf = "1,abc,2024-01-01\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = {'2', ',', (byte) 0xE9, (byte) 0xFF, ',', 'x', '\n'};
    byte[] quoted = "3,\"has \"\"quotes\"\", and, commas\",9\n".getBytes(StandardCharsets.UTF_8);
    ErrorFileLog log = new ErrorFileLog(dir.toString(), Map.of(), CLOCK);
    try (RejectedRowsLog.Writer w = log.open("job", "run-42", "public.t")) {
      w.write(RejectedRow.builder("/in/a.csv", "cannot convert 'abc' to INT32").line(7).column("qty").raw(crlf).build());
      w.write(RejectedRow.builder("/in/a.csv", "invalid UTF-8").line(8).raw(latin1).build());
      w.write(RejectedRow.builder("/in/b.csv", "4 fields, expected 3").line(1).raw(quoted).build());
      w.write(RejectedRow.builder("/in/c.parquet", "value too long for STRING(2)").line(3).column("code")
          .rowKey("id=5").build());
    }
    Path out = dir.resolve("_rejectedrows/20261122-070509/run-42");
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(crlf);
    expected.write(latin1);
    expected.write(quoted);
    expected.write("/in/c.parquet,3,id=5\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(out.resolve("row.csv"))).isEqualTo(expected.toByteArray());
    assertThat(Files.readString(out.resolve("error.json"))).isEqualTo("""
        [
        {"file":"/in/a.csv","line":7,"column":"qty","reason":"cannot convert 'abc' to INT32"},
        {"file":"/in/a.csv","line":8,"column":null,"reason":"invalid UTF-8"},
        {"file":"/in/b.csv","line":1,"column":null,"reason":"4 fields, expected 3"},
        {"file":"/in/c.parquet","line":3,"column":"code","reason":"value too long for STRING(2)","rowKey":"id=5"}
        ]
        """);
    try (Stream<Path> files = Files.walk(dir)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()))
          .containsExactlyInAnyOrder("_rejectedrows/20261122-070509/run-42/row.csv",
              "_rejectedrows/20261122-070509/run-42/error.json");
    }
  }

  @Test
  void aLoadWithoutRejectedRowsWritesNothing() throws Exception {
    new ErrorFileLog(dir.toString(), Map.of(), CLOCK).open("job", "run-1", "t").close();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void rowsWithoutBytesAreCsvLinesOfTheirValuesOrOfWhereTheyAre() {
    RejectedRow values = RejectedRow.builder("/in/x.parquet", "too long").line(2)
        .values(java.util.Arrays.asList("7", null, "", "a,b", "say \"hi\"")).build();
    assertThat(new String(ErrorFileWriter.csvLine(values), StandardCharsets.UTF_8))
        .isEqualTo("7,,\"\",\"a,b\",\"say \"\"hi\"\"\"\r\n");
    RejectedRow where = RejectedRow.builder("/in/x,y.parquet", "bad").line(2).rowKey("name=\"a\"").build();
    assertThat(new String(ErrorFileWriter.csvLine(where), StandardCharsets.UTF_8))
        .isEqualTo("\"/in/x,y.parquet\",2,\"name=\"\"a\"\"\"\r\n");
  }

  @Test
  void toStringShowsNoCredentials() {
    ErrorFileLog log = new ErrorFileLog("https://acct.blob.core.windows.net/c/errors",
        Map.of("azure.sasToken", "sv=1&sig=SECRETSIG"));
    assertThat(log.toString()).isEqualTo("ERRORFILE 'https://acct.blob.core.windows.net/c/errors'");
  }
}
