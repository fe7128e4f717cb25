package io.copyjob.spi;

import java.util.List;
import java.util.Optional;

/**
 * One consistent read of one dataset. Where the store allows, every reader of the session sees the same
 * snapshot, and {@link #upperBound()} is taken in it, so the rows of a run are exactly those between the
 * saved watermark and the captured upper bound.
 *
 * <p>{@link #planSplits(Optional)} and {@link #close()} are called by one thread; readers opened by
 * {@link #openReader(Split)} are used by several threads at once, one reader per thread.
 */
public interface ReadSession extends AutoCloseable {

  /**
   * The largest value of the incremental column among the rows above the request's lower bound, read before
   * any row is read. Empty when there are no such rows, or when the source cannot know it cheaply; in that
   * case the engine takes the largest value it sees while reading.
   */
  default Optional<Watermark> upperBound() {
    return Optional.empty();
  }

  /**
   * Cuts the read into splits that together cover the rows in {@code (lowerExclusive, upperInclusive]}
   * exactly once. {@code upperInclusive} is empty for a full read or when {@link #upperBound()} was empty.
   */
  List<Split> planSplits(Optional<Watermark> upperInclusive);

  /** Opens a reader for one split planned by this session. */
  SplitReader openReader(Split split);

  /** Ends the session and releases its snapshot and connections. */
  @Override
  void close();
}
