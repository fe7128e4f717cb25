package io.copyjob.core.internal;

import io.copyjob.spi.Redactor;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception, its causes and suppressed exceptions with every message scrubbed, for logging a stack
 * trace: a driver's or SDK's message deep in the chain may quote a password that the top message no longer shows.
 * Prints as the original ({@code type: message} and the same frames).
 */
final class ScrubbedThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;

  private ScrubbedThrowable(String type, String message) {
    super(message);
    this.type = type;
  }

  /** {@code e} with the messages of its whole chain scrubbed by {@code redactor}. */
  static Throwable of(Throwable e, Redactor redactor) {
    return copy(e, redactor, new IdentityHashMap<>());
  }

  private static Throwable copy(Throwable e, Redactor redactor, Map<Throwable, Throwable> seen) {
    Throwable done = seen.get(e);
    if (done != null) {
      return done;
    }
    ScrubbedThrowable c = new ScrubbedThrowable(e.getClass().getName(), redactor.scrub(e.getMessage()));
    seen.put(e, c);
    c.setStackTrace(e.getStackTrace());
    if (e.getCause() != null) {
      c.initCause(copy(e.getCause(), redactor, seen));
    }
    for (Throwable s : e.getSuppressed()) {
      c.addSuppressed(copy(s, redactor, seen));
    }
    return c;
  }

  @Override
  public String toString() {
    String m = getLocalizedMessage();
    return m == null ? type : type + ": " + m;
  }
}
