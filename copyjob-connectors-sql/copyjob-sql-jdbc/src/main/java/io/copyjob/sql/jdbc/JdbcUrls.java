package io.copyjob.sql.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parts of a {@code jdbc:<driver>://host:port/database?params} URL that are safe to show. */
public final class JdbcUrls {
  private static final Pattern HOST_PART = Pattern.compile("^jdbc:[a-zA-Z0-9]+:(?://(?:[^@/]*@)?([^/?;]*))?/?([^?;]*)");
  private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)[?&;]password=([^&;]*)");

  private JdbcUrls() {
  }

  /**
   * {@code host:port/database} of the URL, without user info and parameters, so it can go into messages;
   * {@code "(unparsable URL)"} when the URL is not of that form.
   */
  public static String location(String url) {
    if (url == null) {
      return "(no URL)";
    }
    Matcher m = HOST_PART.matcher(url);
    if (!m.find()) {
      return "(unparsable URL)";
    }
    String host = m.group(1) == null || m.group(1).isEmpty() ? "localhost" : m.group(1);
    String db = m.group(2) == null ? "" : m.group(2);
    return db.isEmpty() ? host : host + "/" + db;
  }

  /**
   * The password written into the URL as a parameter, as written and URL-decoded, so that both forms can be
   * redacted; empty when the URL has none.
   */
  public static List<String> embeddedPasswords(String url) {
    List<String> out = new ArrayList<>();
    if (url != null) {
      Matcher m = PASSWORD_PARAM.matcher(url);
      while (m.find()) {
        if (!m.group(1).isEmpty()) {
          out.add(m.group(1));
          try {
            out.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException badEscape) {
            // the raw form is masked already
          }
        }
      }
    }
    return out;
  }
}
