package io.copyjob.storage.files.format.declared;

/**
 * A value that cannot be loaded into its declared column; the reader turns it into a rejected row (or a
 * {@code CONVERSION_FAILED} error) naming the file, line and column. Carries no stack trace: bad values are
 * expected input, and a load with many of them must stay fast.
 */
public final class BadValue extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean malformed;

  /** A value rejected for {@code reason}, e.g. {@code value too long: 7 characters for STRING(5)}. */
  public BadValue(String reason) {
    this(reason, false);
  }

  private BadValue(String reason, boolean malformed) {
    super(reason, null, false, false);
    this.malformed = malformed;
  }

  /** Bytes that are not text in the file's encoding: bad input rather than a value that does not convert. */
  static BadValue malformed(String reason) {
    return new BadValue(reason, true);
  }

  /** Whether the bytes were not text at all (see {@link #malformed}). */
  public boolean isMalformed() {
    return malformed;
  }
}
