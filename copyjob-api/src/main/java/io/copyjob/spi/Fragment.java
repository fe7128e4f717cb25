package io.copyjob.spi;

/**
 * What one {@link SplitWriter} wrote, not yet visible: staged rows, a file under a temporary name.
 * Sinks return their own implementation and get it back in {@link WriteTransaction#commit(java.util.List)}.
 */
public interface Fragment {
  /** Rows written by the writer. */
  long rows();

  /** Bytes written to the store, as it counts them; 0 if unknown. */
  long bytes();
}
