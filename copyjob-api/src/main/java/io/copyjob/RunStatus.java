package io.copyjob;

/** How a run ended, over all its tables. */
public enum RunStatus {
  /** Every table succeeded. */
  SUCCEEDED,
  /** Some tables succeeded, some failed; each table is atomic on its own. */
  PARTIALLY_SUCCEEDED,
  /** No table succeeded. */
  FAILED
}
