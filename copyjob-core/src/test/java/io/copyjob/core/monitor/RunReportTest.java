package io.copyjob.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyJob;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.RunHistoryStores;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.Watermark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  private static final Instant T = Instant.parse("2026-11-22T05:00:00Z");

  private static TableResult table(String name, TableStatus status, long read, long written, long rejected) {
    return TableResult.builder(name).status(status).rowsRead(read).rowsWritten(written).rowsRejected(rejected)
        .startedAt(T).duration(Duration.ofSeconds(2)).build();
  }

  private static int count(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void oneBarPerRunAndTableNumbersInTheTableAndEverythingEscaped() {
    RunResult first = RunResult.of("nightly <load>", "run-1", T, T.plusSeconds(5), List.of(
        table("sales.orders", TableStatus.SUCCEEDED, 12_345, 12_345, 0).toBuilder()
            .watermarkAfter(Watermark.of(LogicalType.int64(), 12_345L)).build(),
        table("sales.<returns>", TableStatus.SUCCEEDED, 678, 670, 8)), null);
    RunResult second = RunResult.of("nightly <load>", "run-2", T.plusSeconds(3600), T.plusSeconds(3610), List.of(
        table("sales.orders", TableStatus.SUCCEEDED, 99, 99, 0),
        table("sales.<returns>", TableStatus.FAILED, 5, 0, 0).toBuilder()
            .error(ErrorCode.INTERNAL_ERROR, "<script>alert('x')</script> & \"quoted\"").build()), null);
    RunResult third = RunResult.of("nightly <load>", "run-3", T.plusSeconds(7200), T.plusSeconds(7201), List.of(),
        "source unreachable: <host>");

    String html = RunReport.of("Runs of nightly <load>", List.of(second, third, first)).html();

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "</svg>", "<style>", "<table>");
    assertThat(count(html, "<rect class=\"bar ")).isEqualTo(4);
    assertThat(count(html, "<rect class=\"bar ok\" data-run=\"run-1\"")).isEqualTo(2);
    assertThat(count(html, "<rect class=\"bar failed\" data-run=\"run-2\" data-table=\"sales.&lt;returns&gt;\""))
        .isEqualTo(1);
    assertThat(count(html, "<text class=\"failed-mark\"")).isEqualTo(1);
    // Oldest run first in the chart, newest first in the table.
    assertThat(html.indexOf("data-run=\"run-1\"")).isLessThan(html.indexOf("data-run=\"run-2\""));
    assertThat(html.indexOf("<td class=\"code\">run-3")).isLessThan(html.indexOf(">run-2<"));
    assertThat(html).contains("12,345", "678", "670", ">8<", "2026-11-22 05:00:00", "5.0 s", "PARTIALLY_SUCCEEDED");
    assertThat(html).contains("sales.orders</text>", "sales.&lt;returns&gt;</text>"); // the legend
    // Escaped everywhere: title, names, errors.
    assertThat(html).contains("<title>Runs of nightly &lt;load&gt;</title>", "sales.&lt;returns&gt;",
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;", "source unreachable: &lt;host&gt;");
    assertThat(html).doesNotContain("<script", "<returns>", "<load>", "<host>");
    // Self-contained: nothing loaded from anywhere.
    assertThat(html).doesNotContain("<link", "src=", "@import", "url(");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http:", "https:");
  }

  @Test
  void barHeightsFollowRowsWritten() {
    RunResult run = RunResult.of("job", "r", T, T.plusSeconds(1), List.of(
        table("a.big", TableStatus.SUCCEEDED, 1000, 1000, 0), table("a.half", TableStatus.SUCCEEDED, 500, 500, 0)),
        null);
    String html = RunReport.of("t", List.of(run)).html();
    Matcher m = Pattern.compile("data-table=\"a\\.(\\w+)\"[^>]* height=\"([0-9.]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    double big = Double.parseDouble(m.group(2));
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(2))).isCloseTo(big / 2, org.assertj.core.data.Offset.offset(0.1));
  }

  @Test
  void reportsTheHistoryOfRealRunsAndWritesAFile(@TempDir Path dir) throws Exception {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 1_500).table(MonitorFixture.RETURNS, 30);
    RunHistoryStore history = RunHistoryStores.inMemory();
    CopyJob job = f.job("report").table("sales.*").runHistoryStore(history).build();
    for (int i = 0; i < 3; i++) {
      job.run().throwIfFailed();
    }

    Path file = RunReport.of(history, "report", 10).writeTo(dir.resolve("out/report.html"));
    String html = Files.readString(file);
    assertThat(count(html, "<rect class=\"bar ok\"")).isEqualTo(6);
    assertThat(count(html, "data-table=\"sales.orders\"")).isEqualTo(3);
    assertThat(count(html, "<tr class=\"run\">")).isEqualTo(3);
    assertThat(html).contains("1,500", ">30<", "Runs of report");
    for (RunResult r : history.lastRuns("report", 10)) {
      assertThat(html).contains(r.runId());
    }
  }

  @Test
  void emptyHistoryStillRendersAPage() {
    String html = RunReport.of(RunHistoryStores.inMemory(), "nothing", 10).html();
    assertThat(html).contains("0 runs", "no runs recorded", "<svg").doesNotContain("<rect class=\"bar");
  }

  @Test
  void niceStepsCutTheAxisInAboutFive() {
    assertThat(RunReport.niceStep(0)).isEqualTo(1);
    assertThat(RunReport.niceStep(100_000)).isEqualTo(20_000);
    assertThat(RunReport.niceStep(101_000)).isEqualTo(50_000);
    assertThat(RunReport.niceStep(37)).isEqualTo(10);
  }
}
