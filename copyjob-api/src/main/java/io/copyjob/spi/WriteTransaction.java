package io.copyjob.spi;

import java.util.List;

/**
 * One atomic write of one dataset in one run: writers stage rows, then {@link #commit(List)} makes all of them
 * visible at once, or {@link #abort()} leaves the destination exactly as it was.
 */
public interface WriteTransaction extends AutoCloseable {

  /**
   * How many writers may write at once. A database that commits in one transaction usually allows one; a
   * file store allows many.
   */
  default int maxWriters() {
    return 1;
  }

  /** Opens writer number {@code index} (0-based, below {@link #maxWriters()}). */
  SplitWriter openWriter(int index);

  /**
   * Makes every fragment visible in one step, applying the write strategy (append, upsert, overwrite). Called
   * once, from one thread, after every writer finished. Returns the number of rows the destination now has
   * from this run (for an upsert, rows inserted plus rows updated).
   */
  long commit(List<Fragment> fragments);

  /** Undoes everything of this transaction; safe to call after a failed commit and more than once. */
  void abort();

  /** Releases resources; aborts when neither committed nor aborted. */
  @Override
  void close();
}
