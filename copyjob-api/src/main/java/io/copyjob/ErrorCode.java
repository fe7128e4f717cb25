package io.copyjob;

/** A stable code for each error copyjob reports, with the {@link ErrorKind} it belongs to. */
public enum ErrorCode {
  /** No connector of the given type is on the class path. */
  UNKNOWN_CONNECTOR(ErrorKind.USER_CONFIG, false),
  /** A required option is missing or an option has an invalid value. */
  INVALID_OPTION(ErrorKind.USER_CONFIG, false),
  /** The job definition contradicts itself (a rename on a pattern, a column selected twice, ...). */
  INVALID_JOB(ErrorKind.USER_CONFIG, false),
  /** A selected table, file set or pattern matched nothing in the source. */
  TABLE_NOT_FOUND(ErrorKind.USER_CONFIG, false),
  /** A selected, renamed, converted, key or incremental column does not exist. */
  COLUMN_NOT_FOUND(ErrorKind.USER_CONFIG, false),
  /** The destination cannot apply the requested write behaviour. */
  UNSUPPORTED_WRITE_STRATEGY(ErrorKind.USER_CONFIG, false),
  /** Upsert without keys on a destination without a primary key. */
  NO_UPSERT_KEYS(ErrorKind.USER_CONFIG, false),
  /** A type conversion that cannot be made for any value (e.g. BOOLEAN to DATE). */
  UNSUPPORTED_CONVERSION(ErrorKind.USER_CONFIG, false),
  /** The destination exists with columns the source cannot be written into. */
  SCHEMA_MISMATCH(ErrorKind.USER_CONFIG, false),
  /** A value could not be converted to the requested or destination type. */
  CONVERSION_FAILED(ErrorKind.USER_DATA, false),
  /** Input that cannot be parsed (bad CSV, bad JSON, a corrupt file). */
  BAD_INPUT(ErrorKind.USER_DATA, false),
  /** The destination refused a row (constraint, length, not-null). */
  ROW_REJECTED(ErrorKind.USER_DATA, false),
  /** More rows were rejected than the job's {@link RejectPolicy} allows. */
  TOO_MANY_REJECTED_ROWS(ErrorKind.USER_DATA, false),
  /** The store refused the credentials. */
  AUTHENTICATION_FAILED(ErrorKind.EXTERNAL, false),
  /** The store could not be reached or the connection was lost. */
  CONNECTION_FAILED(ErrorKind.EXTERNAL, true),
  /** The store failed while reading or writing. */
  STORE_ERROR(ErrorKind.EXTERNAL, false),
  /** Another process saved a watermark for the same job and table in the meantime. */
  WATERMARK_CONFLICT(ErrorKind.EXTERNAL, true),
  /** The run was cancelled or interrupted. */
  CANCELLED(ErrorKind.EXTERNAL, false),
  /** A bug. */
  INTERNAL_ERROR(ErrorKind.INTERNAL, false);

  private final ErrorKind kind;
  private final boolean retryable;

  ErrorCode(ErrorKind kind, boolean retryable) {
    this.kind = kind;
    this.retryable = retryable;
  }

  public ErrorKind kind() { return kind; }

  /** Whether running the same job again, unchanged, may succeed. */
  public boolean retryable() { return retryable; }
}
