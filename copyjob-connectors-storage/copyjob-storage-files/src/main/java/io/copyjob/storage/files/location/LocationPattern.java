package io.copyjob.storage.files.location;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One location of a files source, read the way T-SQL's {@code COPY INTO} reads the locations in its
 * {@code FROM} clause: a path or URI of a file or of a folder, optionally with wildcards. Pure parsing and
 * matching, no I/O: {@link FileSelector} lists the stores.
 *
 * <ul>
 *   <li>A location without wildcards names a file, or a folder meaning every file below it, recursively.</li>
 *   <li>{@code *} matches any run of characters, <b>including {@code /}</b>: the wildcard expansion is
 *       recursive as in COPY INTO, so {@code in/*.csv} matches {@code in/a.csv} and {@code in/2024/01/b.csv}.
 *       {@code ?} matches one character other than {@code /}. The pattern is matched against the whole path
 *       relative to the folder before the first wildcard ({@link #base()}), case-sensitively.</li>
 *   <li>A backslash escapes the next {@code *}, {@code ?} or backslash: {@code \*} is a literal star. Any other
 *       backslash is kept as it is (so a Windows path such as {@code C:\data\in} works; write wildcards after
 *       {@code /} there: {@code C:/data/in/*.csv}).</li>
 *   <li>Files and folders whose name starts with {@code _} or {@code .} are skipped unless the location names
 *       them explicitly: in the literal part before the first wildcard, or with a literal {@code _} or
 *       {@code .} right after a {@code /} of the pattern ({@code in/_staging/*.csv} reads below
 *       {@code _staging}; {@code in/*.csv} does not, and no wildcard ever matches the first character of a
 *       hidden name).</li>
 *   <li>In a URI ({@code s3://}, {@code https://}, {@code abfss://}, {@code file:}), {@code %XX} escapes are
 *       decoded after wildcards are found, so {@code %2A} is a literal star and {@code %20} a space. Wildcards
 *       may appear only in the path (after the bucket, or the container's host). A location has no query
 *       string: a {@code ?} is a wildcard; credentials go in options.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class LocationPattern {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

  private final String location;
  private final boolean uri;
  private final String base;
  private final String glob;
  private final Pattern regex;

  private LocationPattern(String location, boolean uri, String base, String glob, Pattern regex) {
    this.location = location;
    this.uri = uri;
    this.base = base;
    this.glob = glob;
    this.regex = regex;
  }

  /**
   * Reads a location.
   *
   * @throws IllegalArgumentException when it is empty, or has a wildcard outside the path of a URI
   */
  public static LocationPattern parse(String location) {
    Objects.requireNonNull(location, "location");
    String trimmed = location.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("empty location");
    }
    boolean uri = SCHEME.matcher(trimmed).matches();
    List<Token> tokens = tokenize(trimmed);
    int firstWildcard = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).wildcard != 0) {
        firstWildcard = i;
        break;
      }
    }
    if (firstWildcard < 0) {
      return new LocationPattern(trimmed, uri, literal(tokens, 0, tokens.size(), uri), null, null);
    }
    int slash = -1;
    for (int i = firstWildcard - 1; i >= 0; i--) {
      if (tokens.get(i).wildcard == 0 && tokens.get(i).c == '/') {
        slash = i;
        break;
      }
    }
    String base = slash < 0 ? "" : literal(tokens, 0, slash, uri);
    if (slash == 0) {
      base = "/";
    }
    if (uri) {
      int authority = trimmed.indexOf("://");
      if (authority > 0) {
        int pathStart = trimmed.indexOf('/', authority + 3);
        if (pathStart < 0 || slash < 0 || rawIndex(tokens, slash) < pathStart) {
          throw new IllegalArgumentException("wildcards may appear only in the path of a URI, after the bucket "
              + "or host: " + trimmed);
        }
      } else if (base.isEmpty() || base.endsWith(":")) {
        throw new IllegalArgumentException("wildcards may appear only in the path of a URI: " + trimmed);
      }
    }
    List<Token> rest = tokens.subList(slash + 1, tokens.size());
    if (uri) {
      rest = decodePercent(rest);
    }
    return new LocationPattern(trimmed, uri, base, glob(rest), compile(rest));
  }

  /** The location as given (stripped of surrounding blanks). */
  public String location() {
    return location;
  }

  /** Whether the location is a URI rather than a plain path. */
  public boolean isUri() {
    return uri;
  }

  /** Whether the location has a wildcard. */
  public boolean hasWildcards() {
    return glob != null;
  }

  /**
   * The folder to list, as a path or URI for {@link io.copyjob.storage.files.store.FileStores#open}: the part
   * before the last {@code /} ahead of the first wildcard, escapes resolved. For a location without wildcards,
   * the location itself (a file or a folder), escapes resolved; {@code ""} means the working directory.
   */
  public String base() {
    return base;
  }

  /**
   * The pattern that paths relative to {@link #base()} are matched against, escapes and {@code %XX} resolved and
   * wildcards kept (a literal {@code *} or {@code ?} shown escaped); empty without wildcards.
   */
  public Optional<String> pattern() {
    return Optional.ofNullable(glob);
  }

  /**
   * Whether a file at {@code relativePath} below {@link #base()} (segments separated by {@code /}) is selected:
   * with wildcards, whether the pattern matches the whole path and no wildcard matched the first character of
   * a hidden name; without, whether the path has no hidden segment (a folder location's files).
   */
  public boolean matches(String relativePath) {
    if (regex == null) {
      return !isHidden(relativePath);
    }
    return regex.matcher(relativePath).matches();
  }

  /** Whether a segment of {@code relativePath} starts with {@code _} or {@code .}. */
  public static boolean isHidden(String relativePath) {
    for (String segment : relativePath.split("/")) {
      if (segment.startsWith("_") || segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocationPattern p && p.location.equals(location);
  }

  @Override
  public int hashCode() {
    return location.hashCode();
  }

  @Override
  public String toString() {
    return location;
  }

  // --- parsing ---

  /** A literal character, or a wildcard ({@code '*'} or {@code '?'} in {@code wildcard}). */
  private record Token(char c, char wildcard, int at) {
  }

  private static List<Token> tokenize(String s) {
    List<Token> tokens = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && isEscapable(s.charAt(i + 1))) {
        tokens.add(new Token(s.charAt(i + 1), (char) 0, i));
        i++;
      } else if (c == '*' || c == '?') {
        tokens.add(new Token((char) 0, c, i));
      } else {
        tokens.add(new Token(c, (char) 0, i));
      }
    }
    return tokens;
  }

  private static boolean isEscapable(char c) {
    return c == '*' || c == '?' || c == '\\';
  }

  private static int rawIndex(List<Token> tokens, int token) {
    return tokens.get(token).at;
  }

  /** The literal text of tokens {@code [from, to)}; in a URI a literal {@code ?} is percent-encoded. */
  private static String literal(List<Token> tokens, int from, int to, boolean uri) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = tokens.get(i).c;
      if (uri && c == '?') {
        sb.append("%3F");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Decodes {@code %XX} runs among the literal tokens as UTF-8. */
  private static List<Token> decodePercent(List<Token> tokens) {
    List<Token> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      Token t = tokens.get(i);
      if (t.wildcard == 0 && t.c == '%' && hexAt(tokens, i)) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (i < tokens.size() && tokens.get(i).wildcard == 0 && tokens.get(i).c == '%' && hexAt(tokens, i)) {
          bytes.write(Integer.parseInt("" + tokens.get(i + 1).c + tokens.get(i + 2).c, 16));
          i += 3;
        }
        String decoded = bytes.toString(StandardCharsets.UTF_8);
        for (int k = 0; k < decoded.length(); k++) {
          out.add(new Token(decoded.charAt(k), (char) 0, t.at));
        }
      } else {
        out.add(t);
        i++;
      }
    }
    return out;
  }

  private static boolean hexAt(List<Token> tokens, int i) {
    return i + 2 < tokens.size() && isHex(tokens.get(i + 1)) && isHex(tokens.get(i + 2));
  }

  private static boolean isHex(Token t) {
    return t.wildcard == 0 && Character.digit(t.c, 16) >= 0;
  }

  private static String glob(List<Token> tokens) {
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (t.wildcard != 0) {
        sb.append(t.wildcard);
      } else {
        if (isEscapable(t.c)) {
          sb.append('\\');
        }
        sb.append(t.c);
      }
    }
    return sb.toString();
  }

  /**
   * {@code *} is {@code (?:[^/]|/(?![._]))*}: anything, but a {@code /} it crosses must not start a hidden name;
   * {@code ?} is {@code [^/]}; a wildcard at the start of a segment must not match a leading {@code _} or
   * {@code .} either.
   */
  private static Pattern compile(List<Token> tokens) {
    StringBuilder re = new StringBuilder();
    boolean segmentStart = true;
    for (Token t : tokens) {
      if (t.wildcard != 0) {
        if (segmentStart) {
          re.append("(?![._])");
        }
        re.append(t.wildcard == '*' ? "(?:[^/]|/(?![._]))*" : "[^/]");
        segmentStart = false;
      } else {
        re.append(Pattern.quote(String.valueOf(t.c)));
        segmentStart = t.c == '/';
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
