package io.copyjob.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyListener.Progress;
import io.copyjob.CopyListener.TableStarted;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.ErrorCode;
import io.copyjob.core.monitor.ConsoleProgress.Mode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static Progress progress(long rows, long bytes, long millis) {
    return new Progress("job", "run-1", "sales.orders", rows, rows, bytes, Duration.ofMillis(millis));
  }

  @Test
  void linesModeWritesOneLinePerUpdateWithRowsRateMegabytesAndElapsed() {
    ConsoleProgress p = ConsoleProgress.to(out, Mode.LINES);
    p.onTableStarted(new TableStarted("job", "run-1", "sales.orders", "dw.orders"));
    p.onProgress(progress(50_000, 2_500_000, 2_000));
    p.onProgress(progress(120_000, 6_000_000, 4_000));

    assertThat(output()).doesNotContain("\r").isEqualTo(String.join(System.lineSeparator(),
        "job: sales.orders -> dw.orders",
        "  sales.orders  |  50,000 rows  25,000 rows/s  2.5 MB  2.0 s",
        "  sales.orders  /  120,000 rows  30,000 rows/s  6.0 MB  4.0 s", ""));
  }

  @Test
  void knownTotalShowsABarAndPercentage() {
    ConsoleProgress p = ConsoleProgress.to(out, Mode.LINES).expectRows("sales.orders", 200_000);
    p.onProgress(progress(50_000, 0, 1_000));
    p.onProgress(progress(200_000, 0, 65_500));

    assertThat(output().lines()).containsExactly(
        "  sales.orders  [######..................]  25%  50,000 / 200,000 rows  50,000 rows/s  1.0 s",
        "  sales.orders  [########################] 100%  200,000 / 200,000 rows  3,053 rows/s  1m 05s");
  }

  @Test
  void inPlaceModeRedrawsWithCarriageReturnsAndEndsTheLineBeforeTheSummary() {
    ConsoleProgress p = ConsoleProgress.to(out, Mode.IN_PLACE);
    p.onProgress(progress(1_000_000, 0, 10_000));
    p.onProgress(progress(2_000, 0, 20_000));
    p.onTableFinished(TableResult.builder("sales.orders").destinationTable("dw.orders").status(TableStatus.SUCCEEDED)
        .rowsRead(3_000_000).rowsWritten(3_000_000).bytesRead(120_000_000).startedAt(Instant.EPOCH)
        .duration(Duration.ofSeconds(30)).build());

    String first = "  sales.orders  |  1,000,000 rows  100,000 rows/s  10.0 s";
    String second = "  sales.orders  /  2,000 rows  100 rows/s  20.0 s";
    assertThat(output()).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
        + System.lineSeparator()
        + "  sales.orders  SUCCEEDED  3,000,000 read, 3,000,000 written, 0 rejected  100,000 rows/s  120.0 MB  30.0 s"
        + System.lineSeparator());
  }

  @Test
  void failedTableSummaryCarriesTheError() {
    ConsoleProgress.to(out, Mode.LINES).onTableFinished(TableResult.builder("sales.orders")
        .status(TableStatus.FAILED).rowsRead(10).startedAt(Instant.EPOCH).duration(Duration.ofMillis(1500))
        .error(ErrorCode.INTERNAL_ERROR, "boom").build());

    assertThat(output()).isEqualTo("  sales.orders  FAILED  10 read, 0 written, 0 rejected  7 rows/s  1.5 s  error: boom"
        + System.lineSeparator());
  }

  @Test
  void followsARealRunToItsSummaries() {
    MonitorFixture f = new MonitorFixture().table(MonitorFixture.ORDERS, 1_234).table(MonitorFixture.RETURNS, 7);
    f.job("console").table("sales.*").listener(ConsoleProgress.to(out, Mode.IN_PLACE)).build().run().throwIfFailed();

    String text = output();
    assertThat(text).contains("console: sales.orders -> sales.orders", "console: sales.returns -> sales.returns")
        .contains("\r  sales.orders  ", "1,234 rows")
        .contains("  sales.orders  SUCCEEDED  1,234 read, 1,234 written, 0 rejected")
        .contains("  sales.returns  SUCCEEDED  7 read, 7 written, 0 rejected")
        .containsPattern("console: run \\S+ SUCCEEDED, 2 tables, 1,241 rows written in \\d+\\.\\d s");
    // Every line drawn in place is ended before the next table's header.
    assertThat(text).doesNotContainPattern("\r[^\n]*console: ");
  }

  @Test
  void toConsoleWritesInPlaceOnlyOnATerminal() {
    assertThat(ConsoleProgress.toConsole().mode()).isEqualTo(System.console() != null ? Mode.IN_PLACE : Mode.LINES);
  }
}
