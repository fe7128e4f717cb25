package io.copyjob.sql.postgresql;

/**
 * A single value that cannot be carried (NaN, infinity, too many digits); the reader or writer that catches it
 * adds table, column and row and rethrows it as a CONVERSION_FAILED {@link io.copyjob.CopyJobException}.
 */
final class BadValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadValueException(String message) {
    super(message, null, false, false);
  }
}
