package io.copyjob.core;

import io.copyjob.core.history.FileRunHistoryStore;
import io.copyjob.core.history.InMemoryRunHistoryStore;
import io.copyjob.spi.RunHistoryStore;
import java.nio.file.Path;

/** The run history stores that come with copyjob. */
public final class RunHistoryStores {
  private RunHistoryStores() {
  }

  /** Keeps run results in this JVM, the last 1,000 per job. */
  public static RunHistoryStore inMemory() {
    return new InMemoryRunHistoryStore(1000);
  }

  /** Appends run results to a JSON Lines file per job in {@code directory}. Safe across processes on one machine. */
  public static RunHistoryStore file(Path directory) {
    return new FileRunHistoryStore(directory);
  }
}
