package io.copyjob.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it goes into a log line, an exception message or a {@code toString()}: the
 * values of sensitive options, and secrets written into URLs ({@code password=...}, {@code sig=...} of a SAS
 * token, {@code user:password@} user info). Connectors use it on every message that may quote a driver or
 * SDK; the engine applies it again to everything that leaves a run. Immutable and thread-safe.
 */
public final class Redactor {
  /**
   * Drivers spell it password, Password, sslpassword, pwd; SAS tokens carry sig; all are secret. SQL Server
   * connection strings brace a value that holds a ';' ({@code password={a;b}}, {@code }}} escaping a brace).
   */
  private static final Pattern URL_SECRET = Pattern.compile(
      "(?i)((?:password|pwd|secret|sig|token|accountkey)\\s*=\\s*)(?:\\{(?:[^}]|}})*}|[^&;\\s]*)");
  /** {@code user:password@}, up to the last {@code @} of the authority: a password may hold an {@code @}. */
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^/\\s]*@");
  private static final String MASK = "****";
  private static final Redactor URLS_ONLY = new Redactor(List.of());

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** A redactor of the given secret values; null and empty values are ignored. */
  public static Redactor of(Collection<String> secrets) {
    List<String> kept = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        kept.add(s);
      }
    }
    // Longest first, so that a secret containing another is masked whole.
    kept.sort((a, b) -> b.length() - a.length());
    return new Redactor(List.copyOf(kept));
  }

  /** A redactor that knows no secret values and masks only what URLs and connection strings give away. */
  public static Redactor urlsOnly() {
    return URLS_ONLY;
  }

  /** {@code text} without secrets; null stays null. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, MASK);
    }
    out = URL_SECRET.matcher(out).replaceAll("$1" + MASK);
    return USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
  }
}
