package io.copyjob.core.history;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.spi.RunHistoryStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Run results appended as JSON Lines to {@code <directory>/<job>.runs.jsonl}, one line per run, under a file lock so
 * that processes on one machine can share it. A torn last line (a crash during an append) is skipped on read.
 */
public final class FileRunHistoryStore implements RunHistoryStore {
  private final Path directory;

  public FileRunHistoryStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public synchronized void record(RunResult run) {
    byte[] line = (RunResultJson.write(run) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(directory);
      // Appends at the end under the lock (READ, to look at the last byte, rules out APPEND).
      try (FileChannel ch = FileChannel.open(file(run.jobName()), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
        ch.position(ch.size());
        if (endsTorn(ch)) {
          // End the line a crash cut short, or this run would be glued to it and lost with it on read.
          ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}));
        }
        ch.write(java.nio.ByteBuffer.wrap(line));
        ch.force(false);
      }
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot record the run in " + file(run.jobName()) + ": "
          + e.getMessage()).job(run.jobName()).cause(e).build();
    }
  }

  @Override
  public synchronized List<RunResult> lastRuns(String job, int limit) {
    Path f = file(job);
    if (!Files.exists(f)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CopyJobException.builder(ErrorCode.STORE_ERROR, "cannot read run history " + f + ": " + e.getMessage())
          .job(job).cause(e).build();
    }
    List<RunResult> out = new ArrayList<>();
    for (int i = lines.size() - 1; i >= 0 && out.size() < limit; i--) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(RunResultJson.read(line));
      } catch (IllegalArgumentException torn) {
        // A line cut short by a crash mid-append: not a run.
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static boolean endsTorn(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return false;
    }
    java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) != '\n';
  }

  private Path file(String job) {
    return directory.resolve(io.copyjob.core.watermark.FileWatermarkStore.fileName(job) + ".runs.jsonl");
  }

  @Override
  public String toString() {
    return "FileRunHistoryStore{" + directory + "}";
  }
}
