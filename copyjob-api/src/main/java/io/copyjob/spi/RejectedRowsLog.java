package io.copyjob.spi;

/**
 * Keeps the rejected rows of a job somewhere users can read them, such as COPY INTO's error file. The engine
 * opens one writer per table and run, writes the rows in the order they were rejected, and closes it when the
 * table's run ends, whether it succeeded or failed.
 */
public interface RejectedRowsLog {

  /** Opens the log of table {@code table} in run {@code runId} of job {@code jobName}. */
  Writer open(String jobName, String runId, String table);

  /** The rejected rows of one table in one run. Called from one thread at a time. */
  interface Writer extends AutoCloseable {

    /** Adds {@code row}. */
    void write(RejectedRow row);

    /** Makes what was written durable and releases resources; called once, also after a failed run. */
    @Override
    void close();
  }
}
