package io.copyjob;

/** Who has to act on an error. */
public enum ErrorKind {
  /** The job definition is wrong: a missing option, an unknown table, an unsupported write behaviour. */
  USER_CONFIG,
  /** The data is wrong: a value that does not convert, a row the destination refuses. */
  USER_DATA,
  /** A store outside copyjob failed or refused: connection lost, authentication failed, I/O error. */
  EXTERNAL,
  /** A bug in copyjob or in a connector. */
  INTERNAL
}
