package io.copyjob.core.monitor;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.RunStatus;
import io.copyjob.TableResult;
import io.copyjob.spi.RunHistoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A self-contained HTML page about the runs of one or more jobs, from their {@link RunHistoryStore}: a chart of
 * rows written per run and table (grouped bars, oldest run on the left, an inline SVG) and a table of the runs
 * (run id, start, duration, status, and per table rows read, written and rejected, the watermark after and the
 * error). The page has no script and loads nothing: CSS and chart are inline, so it opens from a file, a mail or
 * an artifact store as it is. Every name and message is HTML-escaped. Times are UTC.
 *
 * <pre>{@code
 * RunReport.of(history, "orders-to-lake", 30).writeTo(Path.of("report.html"));
 * }</pre>
 */
public final class RunReport {
  private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
      "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneOffset.UTC);
  private static final int WIDTH = 960;
  private static final int HEIGHT = 340;
  private static final int LEFT = 80;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 60;

  private final String title;
  private final List<RunResult> runs;

  private RunReport(String title, List<RunResult> runs) {
    this.title = Objects.requireNonNull(title, "title");
    List<RunResult> sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparing(RunResult::startedAt).thenComparing(RunResult::runId));
    this.runs = List.copyOf(sorted);
  }

  /** A report on the last {@code limit} runs of {@code job} in {@code history}. */
  public static RunReport of(RunHistoryStore history, String job, int limit) {
    return of("Runs of " + job, history.lastRuns(job, limit));
  }

  /** A report on the last {@code limit} runs of each of {@code jobs} in {@code history}, on one page. */
  public static RunReport of(RunHistoryStore history, List<String> jobs, int limit) {
    List<RunResult> runs = new ArrayList<>();
    jobs.forEach(job -> runs.addAll(history.lastRuns(job, limit)));
    return of("Runs of " + String.join(", ", jobs), runs);
  }

  /** A report on {@code runs}, in any order, under {@code title}. */
  public static RunReport of(String title, List<RunResult> runs) {
    return new RunReport(title, runs);
  }

  /** The runs on the page, oldest first. */
  public List<RunResult> runs() { return runs; }

  /** Writes the page to {@code file} (UTF-8), creating its folder; returns {@code file}. */
  public Path writeTo(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, html(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "could not write the run report " + file + ": " + e)
          .cause(e).build();
    }
  }

  /** The page. */
  public String html() {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(title)).append("</h1>\n<p class=\"meta\">").append(runs.size())
        .append(runs.size() == 1 ? " run" : " runs");
    if (!runs.isEmpty()) {
      h.append(", ").append(TIME.format(runs.get(0).startedAt())).append(" to ")
          .append(TIME.format(runs.get(runs.size() - 1).startedAt())).append(" UTC");
    }
    h.append("</p>\n<h2>Rows written per run</h2>\n");
    chart(h);
    h.append("<h2>Runs</h2>\n");
    table(h);
    return h.append("</body>\n</html>\n").toString();
  }

  /** Series of the chart: one per job and source table, in order of first appearance. */
  private Map<String, String> series() {
    boolean oneJob = runs.stream().map(RunResult::jobName).distinct().count() <= 1;
    Map<String, String> labels = new LinkedHashMap<>();
    for (RunResult run : runs) {
      for (TableResult t : run.tables()) {
        labels.putIfAbsent(key(run, t), oneJob ? t.sourceTable() : run.jobName() + ": " + t.sourceTable());
      }
    }
    return labels;
  }

  private static String key(RunResult run, TableResult t) {
    return run.jobName() + '\u0000' + t.sourceTable();
  }

  private void chart(StringBuilder h) {
    Map<String, String> series = series();
    List<String> keys = new ArrayList<>(series.keySet());
    long max = runs.stream().flatMap(r -> r.tables().stream()).mapToLong(TableResult::rowsWritten).max().orElse(0);
    long step = niceStep(max);
    long top = Math.max(step, (max + step - 1) / step * step);
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    h.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"rows written per run and table\">\n");
    for (long v = 0; v <= top; v += step) {
      double y = TOP + plotHeight - (double) v / top * plotHeight;
      h.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
          .append("\" text-anchor=\"end\">").append(ConsoleProgress.count(v)).append("</text>\n");
    }
    if (runs.isEmpty()) {
      h.append("<text class=\"empty\" x=\"").append(LEFT + plotWidth / 2).append("\" y=\"")
          .append(TOP + plotHeight / 2).append("\" text-anchor=\"middle\">no runs recorded</text>\n");
    }
    double group = runs.isEmpty() ? plotWidth : (double) plotWidth / runs.size();
    int labelEvery = (int) Math.ceil(90 / group); // run labels are about 90 px wide: label every n-th run
    for (int i = 0; i < runs.size(); i++) {
      RunResult run = runs.get(i);
      double x0 = LEFT + i * group;
      List<TableResult> tables = run.tables();
      double inner = group * 0.8;
      double barWidth = tables.isEmpty() ? 0 : Math.min(60, inner / tables.size());
      double start = x0 + (group - barWidth * tables.size()) / 2;
      for (int j = 0; j < tables.size(); j++) {
        TableResult t = tables.get(j);
        double height = (double) t.rowsWritten() / top * plotHeight;
        double x = start + j * barWidth;
        String colour = COLOURS[keys.indexOf(key(run, t)) % COLOURS.length];
        h.append("<rect class=\"bar ").append(t.succeeded() ? "ok" : "failed").append("\" data-run=\"")
            .append(escape(run.runId())).append("\" data-table=\"").append(escape(t.sourceTable()))
            .append("\" x=\"").append(fmt(x + 1)).append("\" y=\"").append(fmt(TOP + plotHeight - height))
            .append("\" width=\"").append(fmt(Math.max(1, barWidth - 2))).append("\" height=\"").append(fmt(height))
            .append("\" fill=\"").append(colour).append("\"><title>").append(escape(series.get(key(run, t))))
            .append(", run ").append(escape(run.runId())).append(": ").append(ConsoleProgress.count(t.rowsWritten()))
            .append(" rows written, ").append(t.status()).append("</title></rect>\n");
        if (!t.succeeded()) {
          // A failed table writes nothing: mark its empty bar so that the failure shows in the chart.
          h.append("<text class=\"failed-mark\" x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"")
              .append(fmt(TOP + plotHeight - height - 4)).append("\" text-anchor=\"middle\">&#x2715;<title>")
              .append(escape(series.get(key(run, t)))).append(" failed in run ").append(escape(run.runId()))
              .append("</title></text>\n");
        } else if (barWidth >= 24) {
          h.append("<text class=\"value\" x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"")
              .append(fmt(TOP + plotHeight - height - 4)).append("\" text-anchor=\"middle\">")
              .append(ConsoleProgress.count(t.rowsWritten())).append("</text>\n");
        }
      }
      if (i % labelEvery != 0) {
        continue;
      }
      double cx = x0 + group / 2;
      h.append("<text class=\"label\" x=\"").append(fmt(cx)).append("\" y=\"").append(TOP + plotHeight + 16)
          .append("\" text-anchor=\"middle\">").append(SHORT_TIME.format(run.startedAt())).append("</text>")
          .append("<text class=\"label status-").append(run.status().name().toLowerCase(Locale.ROOT))
          .append("\" x=\"").append(fmt(cx)).append("\" y=\"").append(TOP + plotHeight + 30)
          .append("\" text-anchor=\"middle\">").append(statusMark(run.status())).append("</text>\n");
    }
    h.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
        .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight).append("\"/>\n");
    // Legend, left to right under the run labels.
    double lx = LEFT;
    int ly = HEIGHT - 14;
    for (int k = 0; k < keys.size(); k++) {
      String label = series.get(keys.get(k));
      h.append("<g class=\"legend\"><rect x=\"").append(fmt(lx)).append("\" y=\"").append(ly - 10)
          .append("\" width=\"12\" height=\"12\" fill=\"").append(COLOURS[k % COLOURS.length])
          .append("\"/><text x=\"").append(fmt(lx + 16)).append("\" y=\"").append(ly).append("\">")
          .append(escape(label)).append("</text></g>\n");
      lx += 28 + 7 * label.length();
    }
    h.append("</svg>\n");
  }

  private static String statusMark(RunStatus status) {
    return switch (status) {
      case SUCCEEDED -> "ok";
      case PARTIALLY_SUCCEEDED -> "partial";
      case FAILED -> "failed";
    };
  }

  private void table(StringBuilder h) {
    boolean manyJobs = runs.stream().map(RunResult::jobName).distinct().count() > 1;
    h.append("<table>\n<thead><tr><th>Run</th>").append(manyJobs ? "<th>Job</th>" : "")
        .append("<th>Start (UTC)</th><th>Duration</th><th>Status</th><th>Table</th><th class=\"num\">Read</th>")
        .append("<th class=\"num\">Written</th><th class=\"num\">Rejected</th><th>Watermark after</th>")
        .append("<th>Error</th></tr></thead>\n<tbody>\n");
    for (int i = runs.size() - 1; i >= 0; i--) {
      RunResult run = runs.get(i);
      List<TableResult> tables = run.tables();
      int span = Math.max(1, tables.size()) + (run.error().isPresent() && !tables.isEmpty() ? 1 : 0);
      h.append("<tr class=\"run\">");
      cell(h, span, "code", run.runId());
      if (manyJobs) {
        cell(h, span, null, run.jobName());
      }
      cell(h, span, null, TIME.format(run.startedAt()));
      cell(h, span, "num", ConsoleProgress.elapsed(run.duration()));
      cell(h, span, "status-" + run.status().name().toLowerCase(Locale.ROOT), run.status().name());
      if (tables.isEmpty()) {
        h.append("<td>-</td><td class=\"num\">-</td><td class=\"num\">-</td><td class=\"num\">-</td><td>-</td>");
        h.append("<td class=\"error\">").append(escape(run.error().orElse(""))).append("</td></tr>\n");
        continue;
      }
      for (int j = 0; j < tables.size(); j++) {
        TableResult t = tables.get(j);
        if (j > 0) {
          h.append("<tr>");
        }
        h.append("<td>").append(escape(t.sourceTable()))
            .append(t.destinationTable().equals(t.sourceTable()) ? "" : " &rarr; " + escape(t.destinationTable()))
            .append("</td><td class=\"num\">").append(ConsoleProgress.count(t.rowsRead()))
            .append("</td><td class=\"num\">").append(ConsoleProgress.count(t.rowsWritten()))
            .append("</td><td class=\"num\">").append(ConsoleProgress.count(t.rowsRejected()))
            .append("</td><td class=\"code watermark\">").append(escape(t.watermarkAfter().map(Object::toString).orElse("-")))
            .append("</td><td class=\"error\">").append(escape(t.error().orElse(""))).append("</td></tr>\n");
      }
      run.error().ifPresent(e -> h.append("<tr><td colspan=\"5\">run</td><td class=\"error\">").append(escape(e))
          .append("</td></tr>\n"));
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void cell(StringBuilder h, int rowspan, String cssClass, String text) {
    h.append("<td");
    if (rowspan > 1) {
      h.append(" rowspan=\"").append(rowspan).append('"');
    }
    if (cssClass != null) {
      h.append(" class=\"").append(cssClass).append('"');
    }
    h.append('>').append(escape(text)).append("</td>");
  }

  /** A step of 1, 2 or 5 times a power of ten that cuts {@code max} into about five ticks. */
  static long niceStep(long max) {
    if (max <= 5) {
      return 1;
    }
    double raw = max / 5.0;
    long power = (long) Math.pow(10, Math.floor(Math.log10(raw)));
    for (long m : new long[] {1, 2, 5, 10}) {
      if (power * m >= raw) {
        return power * m;
      }
    }
    return power * 10;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Escapes text for HTML element content and quoted attribute values. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final String CSS = """
      body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 24px; }
      h1 { font-size: 20px; margin: 0 0 4px; }
      h2 { font-size: 16px; margin: 24px 0 8px; }
      .meta { color: #666; margin: 0; }
      svg.chart { background: #fff; border: 1px solid #ddd; }
      svg .grid { stroke: #eee; }
      svg .axis { stroke: #888; }
      svg text { font-size: 11px; fill: #555; }
      svg .legend text { font-size: 12px; fill: #222; }
      svg text.value { font-size: 10px; fill: #333; }
      svg text.failed-mark { font-size: 14px; font-weight: bold; fill: #c00; }
      svg .bar.failed { stroke: #c00; stroke-width: 2; stroke-dasharray: 3 2; }
      svg .status-failed, svg .status-partially_succeeded { fill: #c00; }
      table { border-collapse: collapse; font-size: 13px; }
      th, td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
      th { background: #f4f4f4; }
      tr.run td { border-top: 2px solid #bbb; }
      .num { text-align: right; font-variant-numeric: tabular-nums; }
      .code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
      td { white-space: nowrap; }
      td.watermark { white-space: normal; max-width: 180px; }
      .error { color: #a00; max-width: 420px; white-space: pre-wrap; }
      td.status-succeeded { color: #2a7d2a; font-weight: 600; }
      td.status-partially_succeeded { color: #b06f00; font-weight: 600; }
      td.status-failed { color: #c00; font-weight: 600; }
      """;
}
