package io.copyjob;

/** How the copy of one table in a run ended. */
public enum TableStatus {
  /** Committed; the watermark, if any, saved. */
  SUCCEEDED,
  /** Nothing committed and the watermark unchanged; see {@link TableResult#error()}. */
  FAILED
}
