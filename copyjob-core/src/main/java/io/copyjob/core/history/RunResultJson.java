package io.copyjob.core.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.copyjob.CopyMode;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.Watermark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link RunResult} as one line of JSON and reads it back equal, watermarks included (type and lossless
 * text). The format carries a version so that later releases can read older history.
 */
public final class RunResultJson {
  /** Version of the JSON form written by this release. */
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunResultJson() {
  }

  public static String write(RunResult run) {
    ObjectNode root = JSON.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("job", run.jobName());
    root.put("runId", run.runId());
    root.put("startedAt", run.startedAt().toString());
    root.put("finishedAt", run.finishedAt().toString());
    run.error().ifPresent(e -> root.put("error", e));
    ArrayNode tables = root.putArray("tables");
    for (TableResult t : run.tables()) {
      ObjectNode n = tables.addObject();
      n.put("source", t.sourceTable());
      n.put("destination", t.destinationTable());
      n.put("status", t.status().name());
      n.put("mode", t.mode().toString());
      n.put("rowsRead", t.rowsRead());
      n.put("rowsWritten", t.rowsWritten());
      n.put("rowsRejected", t.rowsRejected());
      n.put("bytesRead", t.bytesRead());
      n.put("bytesWritten", t.bytesWritten());
      n.put("startedAt", t.startedAt().toString());
      n.put("durationNanos", t.duration().toNanos());
      t.watermarkBefore().ifPresent(w -> n.set("watermarkBefore", watermark(w)));
      t.watermarkAfter().ifPresent(w -> n.set("watermarkAfter", watermark(w)));
      t.errorCode().ifPresent(c -> n.put("errorCode", c.name()));
      t.error().ifPresent(e -> n.put("error", e));
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunResult read(String line) {
    try {
      JsonNode root = JSON.readTree(line);
      List<TableResult> tables = new ArrayList<>();
      for (JsonNode n : root.path("tables")) {
        TableResult.Builder b = TableResult.builder(n.get("source").asText())
            .destinationTable(n.get("destination").asText())
            .status(TableStatus.valueOf(n.get("status").asText()))
            .mode(mode(n.path("mode").asText("full")))
            .rowsRead(n.path("rowsRead").asLong())
            .rowsWritten(n.path("rowsWritten").asLong())
            .rowsRejected(n.path("rowsRejected").asLong())
            .bytesRead(n.path("bytesRead").asLong())
            .bytesWritten(n.path("bytesWritten").asLong())
            .startedAt(Instant.parse(n.get("startedAt").asText()))
            .duration(Duration.ofNanos(n.path("durationNanos").asLong()));
        if (n.has("watermarkBefore")) {
          b.watermarkBefore(watermark(n.get("watermarkBefore")));
        }
        if (n.has("watermarkAfter")) {
          b.watermarkAfter(watermark(n.get("watermarkAfter")));
        }
        if (n.has("errorCode") || n.has("error")) {
          b.error(n.has("errorCode") ? ErrorCode.valueOf(n.get("errorCode").asText()) : ErrorCode.INTERNAL_ERROR,
              n.path("error").asText(null));
        }
        tables.add(b.build());
      }
      return RunResult.of(root.get("job").asText(), root.get("runId").asText(),
          Instant.parse(root.get("startedAt").asText()), Instant.parse(root.get("finishedAt").asText()), tables,
          root.path("error").asText(null));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a run result: " + e.getMessage(), e);
    }
  }

  private static ObjectNode watermark(Watermark w) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", w.type().toString());
    n.put("value", w.toText());
    return n;
  }

  private static Watermark watermark(JsonNode n) {
    return Watermark.parse(LogicalType.parse(n.get("type").asText()), n.get("value").asText());
  }

  private static CopyMode mode(String text) {
    if (text.startsWith("incremental(") && text.endsWith(")")) {
      return CopyMode.incremental(text.substring("incremental(".length(), text.length() - 1));
    }
    return CopyMode.full();
  }
}
