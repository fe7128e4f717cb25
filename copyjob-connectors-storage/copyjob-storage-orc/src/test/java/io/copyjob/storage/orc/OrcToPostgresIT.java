package io.copyjob.storage.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.RunResult;
import io.copyjob.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.orc.CompressionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ORC file copied into embedded PostgreSQL by a whole CopyJob run. */
class OrcToPostgresIT {
  @TempDir
  Path dir;

  @Test
  void everyTypeLandsInPostgresWithItsValue() throws Exception {
    OrcTestFiles.write(dir.resolve("public/all_types/part-0.orc"), OrcTestFiles.ALL_TYPES,
        OrcTestFiles.allTypesRows(), CompressionKind.ZSTD, true, 64L * 1024 * 1024);
    TestDatabase db = new TestDatabase("orc");

    RunResult run = CopyJob.builder().name("orc-to-pg")
        .source(ConnectorSpec.of("files", Map.of("location", dir.toString())))
        .destination(db.spec())
        .table("public.all_types")
        .build().run().throwIfFailed();

    assertThat(run.rowsWritten()).isEqualTo(4);
    List<List<String>> rows = db.rows("SELECT b, i8, i16, i32, i64, f64, d38, d10, s, vc, ch, encode(bin, 'hex'), dt,"
        + " ts, tsz AT TIME ZONE 'UTC', l::text, m::text, st::text FROM public.all_types ORDER BY i32 NULLS LAST");
    assertThat(rows).containsExactly(
        Arrays.asList("f", "-128", "-32768", "-2147483648", "-9223372036854775808", "-1.7976931348623157e+308",
            "-99999999999999999999999999999.999999999", "0.00", "", "", "", "", "0001-01-01",
            // Nanoseconds are truncated to PostgreSQL's microseconds, never rounded up.
            "0001-01-01 00:00:00", "0001-01-01 00:00:00", "[]", "{}", "[null, null]"),
        Arrays.asList("t", "1", "2", "3", "4", "2.25", "12345678901234567890123456789.123456789", "1.50",
            "héllo 😀 世界 ü", "abc", "ab", "000102ff", "2024-02-29", "2024-02-29 12:34:56.123456",
            "2024-02-29 12:34:56.987654", "[1, null, 3]", "{\"a\": 1.0, \"b\": null}", "[7, \"x\"]"),
        Arrays.asList("t", "127", "32767", "2147483647", "9223372036854775807", "1.7976931348623157e+308",
            "99999999999999999999999999999.999999999", "99999999.99", "line\nbreak, \"quoted\" 𝄞", "0123456789",
            "xyz", "00ff", "9999-12-31", "9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999", "[-1]",
            "{\"\": -0.5}", "[-7, \"\"]"),
        Arrays.asList(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null));
    assertThat(db.rows("SELECT count(*) FROM public.all_types WHERE s = ''")).containsExactly(List.of("1"));
  }
}
