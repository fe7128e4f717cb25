package io.copyjob.sql.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it goes into a log line or an exception message: the values of the
 * sensitive options, and any password written into a JDBC URL ({@code password=...} parameters and
 * {@code user:password@} user info). Immutable and thread-safe.
 */
public final class Redactor {
  /** Drivers spell the parameter password, Password, sslpassword...; all of them are secret. */
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)[^&;\\s]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*:)[^@/\\s]*@");
  private static final String MASK = "****";

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
    // longest first, so that a secret containing another is masked whole
    kept.sort((a, b) -> b.length() - a.length());
    return new Redactor(List.copyOf(kept));
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
    out = URL_PASSWORD.matcher(out).replaceAll("$1" + MASK);
    return USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
  }
}
