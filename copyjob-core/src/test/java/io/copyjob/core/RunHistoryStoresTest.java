package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.CopyMode;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.core.history.RunResultJson;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.RunHistoryStore;
import io.copyjob.spi.Watermark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryStoresTest {
  @TempDir
  Path dir;

  static RunResult run(String id, long rows) {
    Instant start = Instant.parse("2024-05-01T10:00:00.123456789Z");
    TableResult ok = TableResult.builder("public.orders").destinationTable("lake.orders").status(TableStatus.SUCCEEDED)
        .mode(CopyMode.incremental("updated_at")).rowsRead(rows).rowsWritten(rows).bytesRead(99).startedAt(start)
        .duration(Duration.ofMillis(1234))
        .watermarkBefore(Watermark.of(LogicalType.int64(), 5L)).watermarkAfter(Watermark.of(LogicalType.int64(), 9L))
        .build();
    TableResult failed = TableResult.builder("public.items").status(TableStatus.FAILED).startedAt(start)
        .error(ErrorCode.ROW_REJECTED, "[job j] duplicate key \"é\"").build();
    return RunResult.of("j", id, start, start.plusSeconds(2), List.of(ok, failed), null);
  }

  @Test
  void jsonRoundTripKeepsEveryValue() {
    RunResult r = run("r1", 10);
    RunResult back = RunResultJson.read(RunResultJson.write(r));
    assertThat(back.toString()).isEqualTo(r.toString());
    assertThat(back.tables().get(0).watermarkAfter()).isEqualTo(r.tables().get(0).watermarkAfter());
    assertThat(back.tables().get(1).errorCode()).contains(ErrorCode.ROW_REJECTED);
    assertThat(back.startedAt()).isEqualTo(r.startedAt());
  }

  @Test
  void fileHistoryReturnsNewestFirstAndSkipsATornLine() throws Exception {
    RunHistoryStore store = RunHistoryStores.file(dir);
    store.record(run("r1", 1));
    store.record(run("r2", 2));
    Files.writeString(dir.resolve("j.runs.jsonl"), "{\"formatVersion\":1,\"job\":\"j\",\"ru", StandardOpenOption.APPEND);
    assertThat(RunHistoryStores.file(dir).lastRuns("j", 10)).extracting(RunResult::runId).containsExactly("r2", "r1");
    assertThat(store.lastRuns("j", 1)).extracting(RunResult::rowsRead).containsExactly(2L);
    assertThat(store.lastRuns("nobody", 5)).isEmpty();
  }

  @Test
  void fileHistoryKeepsTheRunRecordedAfterATornLine() throws Exception {
    RunHistoryStore store = RunHistoryStores.file(dir);
    store.record(run("r1", 1));
    Files.writeString(dir.resolve("j.runs.jsonl"), "{\"formatVersion\":1,\"job\":\"j\",\"ru", StandardOpenOption.APPEND);
    store.record(run("r2", 2));
    assertThat(store.lastRuns("j", 10)).extracting(RunResult::runId).containsExactly("r2", "r1");
  }
}
