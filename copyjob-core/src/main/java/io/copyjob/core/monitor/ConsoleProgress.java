package io.copyjob.core.monitor;

import io.copyjob.CopyListener;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link CopyListener} that shows the progress of each table on a {@link PrintStream}: rows read, rows per
 * second, megabytes read (10<sup>6</sup> bytes, shown where the source counts bytes) and elapsed time, with a
 * bar and a percentage when the table's row count is known ({@link #expectRows}) and a spinner otherwise; a
 * summary line when the table is done and one when the run is done.
 *
 * <p>{@link Mode#IN_PLACE} redraws one line per table with a carriage return, for a terminal;
 * {@link Mode#LINES} prints each update on its own line, for logs and files. {@link #toConsole()} picks
 * {@code IN_PLACE} when the JVM has a console (an interactive terminal) and {@code LINES} otherwise.
 *
 * <pre>{@code
 * CopyJob.builder()...listener(ConsoleProgress.toConsole().expectRows("public.orders", 1_000_000)).build().run();
 * }</pre>
 *
 * <p>Thread-safe: events from several reader threads are written one at a time.
 */
public final class ConsoleProgress implements CopyListener {
  private static final char[] SPINNER = {'|', '/', '-', '\\'};
  private static final int BAR_WIDTH = 24;

  /** How updates are written. */
  public enum Mode {
    /** Redraw the table's line in place with {@code \r}: for a terminal. */
    IN_PLACE,
    /** One line per update: for logs, files and pipes. */
    LINES
  }

  private final PrintStream out;
  private final Mode mode;
  private final Map<String, Long> expectedRows = new HashMap<>();
  private int ticks;
  private int drawnWidth;

  private ConsoleProgress(PrintStream out, Mode mode) {
    this.out = Objects.requireNonNull(out, "out");
    this.mode = Objects.requireNonNull(mode, "mode");
  }

  /** Progress on {@code out}, written as {@code mode} says. */
  public static ConsoleProgress to(PrintStream out, Mode mode) {
    return new ConsoleProgress(out, mode);
  }

  /** Progress on {@code System.out}: in place when the JVM runs in a terminal, one line per update otherwise. */
  public static ConsoleProgress toConsole() {
    return new ConsoleProgress(System.out, System.console() != null ? Mode.IN_PLACE : Mode.LINES);
  }

  /**
   * Tells the number of rows {@code sourceTable} ({@code namespace.name}, as in results) is expected to have,
   * so that its line shows a bar and a percentage. Without it the line shows a spinner and the throughput.
   */
  public synchronized ConsoleProgress expectRows(String sourceTable, long rows) {
    expectedRows.put(Objects.requireNonNull(sourceTable, "sourceTable"), rows);
    return this;
  }

  public Mode mode() { return mode; }

  @Override
  public synchronized void onTableStarted(TableStarted event) {
    endLine();
    out.println(event.jobName() + ": " + event.sourceTable() + " -> " + event.destinationTable());
    out.flush();
  }

  @Override
  public synchronized void onProgress(Progress event) {
    String line = progressLine(event);
    if (mode == Mode.IN_PLACE) {
      out.print('\r' + pad(line));
      drawnWidth = line.length();
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public synchronized void onTableFinished(TableResult result) {
    endLine();
    out.println(summaryLine(result));
    out.flush();
  }

  @Override
  public synchronized void onRunFinished(RunResult run) {
    endLine();
    out.println(run.jobName() + ": run " + run.runId() + " " + run.status() + ", " + run.tables().size()
        + (run.tables().size() == 1 ? " table, " : " tables, ") + count(run.rowsWritten()) + " rows written in "
        + elapsed(run.duration()) + run.error().map(e -> ": " + e).orElse(""));
    out.flush();
  }

  String progressLine(Progress p) {
    StringBuilder sb = new StringBuilder("  ").append(p.sourceTable()).append("  ");
    Long expected = expectedRows.get(p.sourceTable());
    if (expected != null && expected > 0) {
      double fraction = Math.min(1.0, (double) p.rowsRead() / expected);
      int filled = (int) Math.round(fraction * BAR_WIDTH);
      sb.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ")
          .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100))).append("  ")
          .append(count(p.rowsRead())).append(" / ").append(count(expected)).append(" rows");
    } else {
      sb.append(SPINNER[ticks++ % SPINNER.length]).append("  ").append(count(p.rowsRead())).append(" rows");
    }
    sb.append("  ").append(count(Math.round(p.rowsPerSecond()))).append(" rows/s");
    if (p.bytesRead() > 0) {
      sb.append("  ").append(megabytes(p.bytesRead()));
    }
    return sb.append("  ").append(elapsed(p.elapsed())).toString();
  }

  static String summaryLine(TableResult t) {
    StringBuilder sb = new StringBuilder("  ").append(t.sourceTable()).append("  ").append(t.status()).append("  ")
        .append(count(t.rowsRead())).append(" read, ").append(count(t.rowsWritten())).append(" written, ")
        .append(count(t.rowsRejected())).append(" rejected  ")
        .append(count(Math.round(t.rowsPerSecond()))).append(" rows/s");
    if (t.bytesRead() > 0) {
      sb.append("  ").append(megabytes(t.bytesRead()));
    }
    sb.append("  ").append(elapsed(t.duration()));
    t.error().ifPresent(e -> sb.append("  error: ").append(e));
    return sb.toString();
  }

  /** Ends a line drawn in place, so that the next output starts on a fresh line. */
  private void endLine() {
    if (drawnWidth > 0) {
      out.println();
      drawnWidth = 0;
    }
  }

  /** Pads a redrawn line with spaces over what the previous, longer one left. */
  private String pad(String line) {
    return line.length() >= drawnWidth ? line : line + " ".repeat(drawnWidth - line.length());
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
  }

  static String elapsed(Duration d) {
    long millis = d.toMillis();
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    return seconds < 3600 ? String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60)
        : String.format(Locale.ROOT, "%dh %02dm %02ds", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
