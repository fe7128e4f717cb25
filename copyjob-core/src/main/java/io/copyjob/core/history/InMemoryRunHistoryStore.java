package io.copyjob.core.history;

import io.copyjob.RunResult;
import io.copyjob.spi.RunHistoryStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Run results in memory, the last {@code capacity} per job; thread-safe. */
public final class InMemoryRunHistoryStore implements RunHistoryStore {
  private final int capacity;
  private final Map<String, Deque<RunResult>> runs = new HashMap<>();

  public InMemoryRunHistoryStore(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(RunResult run) {
    Deque<RunResult> q = runs.computeIfAbsent(run.jobName(), k -> new ArrayDeque<>());
    q.addFirst(run);
    while (q.size() > capacity) {
      q.removeLast();
    }
  }

  @Override
  public synchronized List<RunResult> lastRuns(String job, int limit) {
    List<RunResult> out = new ArrayList<>();
    Iterator<RunResult> it = runs.getOrDefault(job, new ArrayDeque<>()).iterator();
    while (it.hasNext() && out.size() < limit) {
      out.add(it.next());
    }
    return out;
  }
}
