package io.copyjob.core;

import io.copyjob.core.history.FileRunHistoryStore;
import io.copyjob.core.history.InMemoryRunHistoryStore;
import io.copyjob.core.history.JdbcRunHistoryStore;
import io.copyjob.spi.RunHistoryStore;
import java.nio.file.Path;
import javax.sql.DataSource;

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

  /**
   * Records runs in tables of a PostgreSQL or SQL Server database ({@code copyjob_run}, {@code copyjob_run_table},
   * created and versioned on first use), queryable per run, per table and as totals; safe across processes.
   */
  public static JdbcRunHistoryStore jdbc(DataSource dataSource) {
    return new JdbcRunHistoryStore(dataSource);
  }
}
