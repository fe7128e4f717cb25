package io.copyjob.storage.files.format.compress;

import java.io.IOException;

/**
 * The bytes of a file are not valid for its codec: truncated, trailing garbage, a bad checksum. Readers report it
 * as {@code BAD_INPUT} (the data is wrong), unlike other {@link IOException}s, which are failures of the store.
 */
public final class CorruptInputException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A corruption described by {@code message}. */
  public CorruptInputException(String message) {
    super(message);
  }

  /** A corruption described by {@code message}, found by the codec as {@code cause}. */
  public CorruptInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
