package io.copyjob.spi;

/** What a sink does when the destination dataset does not exist. */
public enum TableCreation {
  /** Create it from the schema of the write request; the default. */
  CREATE_IF_ABSENT,
  /** Fail with an error naming the missing dataset. */
  MUST_EXIST
}
