package io.copyjob.spi;

import io.copyjob.RunResult;
import java.util.List;

/** Keeps the results of runs so that users can see what each run did. Safe for use by several threads. */
public interface RunHistoryStore {

  /** Records a finished run. */
  void record(RunResult run);

  /** The last {@code limit} runs of {@code job}, newest first. */
  List<RunResult> lastRuns(String job, int limit);
}
