package io.copyjob.spi;

/**
 * Where a reader or writer hands the rows it skips because they cannot be loaded, when the job allows rejected
 * rows ({@link ReadRequest#rejects()}, {@link WriteRequest#rejects()}). The engine counts them, logs them and
 * fails the table once they exceed the job's limit. Thread-safe.
 */
public interface RowRejects {

  /**
   * Records {@code row} as rejected; the caller then skips it.
   *
   * @throws io.copyjob.CopyJobException with {@code TOO_MANY_REJECTED_ROWS} when this row goes beyond the job's
   *     limit: the caller lets it propagate, and the run fails without committing
   */
  void reject(RejectedRow row);
}
