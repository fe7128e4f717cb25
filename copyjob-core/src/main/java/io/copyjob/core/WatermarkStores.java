package io.copyjob.core;

import io.copyjob.core.watermark.FileWatermarkStore;
import io.copyjob.core.watermark.InMemoryWatermarkStore;
import io.copyjob.core.watermark.JdbcWatermarkStore;
import io.copyjob.spi.WatermarkStore;
import java.nio.file.Path;
import javax.sql.DataSource;

/** The watermark stores that come with copyjob. */
public final class WatermarkStores {
  private WatermarkStores() {
  }

  /** Keeps watermarks in this JVM only: for tests and jobs that never outlive their process. */
  public static WatermarkStore inMemory() {
    return new InMemoryWatermarkStore();
  }

  /**
   * Keeps watermarks in JSON files in {@code directory}, one per job, replaced by atomic rename so that a crash
   * during a save leaves the previous watermarks readable. Safe across processes on one machine.
   */
  public static WatermarkStore file(Path directory) {
    return new FileWatermarkStore(directory);
  }

  /**
   * Keeps watermarks in the table {@code copyjob_watermark} of a database (PostgreSQL, SQL Server, or any
   * database with standard SQL), created on first use. Safe across processes and machines.
   */
  public static WatermarkStore jdbc(DataSource dataSource) {
    return new JdbcWatermarkStore(dataSource, JdbcWatermarkStore.DEFAULT_TABLE);
  }

  /** As {@link #jdbc(DataSource)}, in a table of another name (optionally schema-qualified). */
  public static WatermarkStore jdbc(DataSource dataSource, String table) {
    return new JdbcWatermarkStore(dataSource, table);
  }
}
