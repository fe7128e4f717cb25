package io.copyjob.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from text that leaves a run (error messages, logs): the values of every sensitive option, and
 * passwords written into URLs ({@code password=...}, {@code //user:secret@host}).
 */
final class Redactor {
  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)((?:password|pwd|secret|sig|token)=)[^&;\\s]*");
  private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]+@");

  private final List<String> secrets;

  Redactor(List<String> secrets) {
    List<String> sorted = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= 3) {
        sorted.add(s);
      }
    }
    // Longest first, so a secret that contains another is removed whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.secrets = List.copyOf(sorted);
  }

  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      out = out.replace(s, "****");
    }
    out = URL_PASSWORD.matcher(out).replaceAll("$1****");
    return URL_USER_INFO.matcher(out).replaceAll("$1****@");
  }
}
