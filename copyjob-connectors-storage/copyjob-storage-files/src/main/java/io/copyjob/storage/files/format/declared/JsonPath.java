package io.copyjob.storage.files.format.declared;

import java.util.ArrayList;
import java.util.List;

/**
 * A JSON path of the simple form COPY INTO's column list takes: {@code $.a.b}, {@code $.items[0].sku},
 * {@code $."odd name"}, {@code $['odd name']}: member names and array indexes from the root object.
 */
public final class JsonPath {
  private final String text;
  private final Object[] steps;

  private JsonPath(String text, Object[] steps) {
    this.text = text;
    this.steps = steps;
  }

  /** The path of a top-level member: {@code $.name}. */
  public static JsonPath member(String name) {
    return new JsonPath("$." + name, new Object[] {name});
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static JsonPath parse(String text) {
    String s = text.trim();
    if (!s.startsWith("$")) {
      throw new IllegalArgumentException("a JSON path starts with $: '" + text + "'");
    }
    List<Object> steps = new ArrayList<>();
    int i = 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        i++;
        if (i < s.length() && s.charAt(i) == '"') {
          int end = s.indexOf('"', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed quote in JSON path '" + text + "'");
          }
          steps.add(s.substring(i + 1, end));
          i = end + 1;
        } else {
          int start = i;
          while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
            i++;
          }
          if (start == i) {
            throw new IllegalArgumentException("empty member name in JSON path '" + text + "'");
          }
          steps.add(s.substring(start, i));
        }
      } else if (c == '[') {
        int end = s.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed [ in JSON path '" + text + "'");
        }
        String inner = s.substring(i + 1, end).trim();
        if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
            && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
          steps.add(inner.substring(1, inner.length() - 1));
        } else {
          try {
            int index = Integer.parseInt(inner);
            if (index < 0) {
              throw new NumberFormatException();
            }
            steps.add(index);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + inner + "' is not an array index in JSON path '" + text + "'");
          }
        }
        i = end + 1;
      } else {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in JSON path '" + text + "'");
      }
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("the JSON path '" + text + "' names no member");
    }
    return new JsonPath(s, steps.toArray());
  }

  /** How many steps the path has. */
  public int depth() {
    return steps.length;
  }

  /** Step {@code i}: a {@link String} member name or an {@link Integer} array index. */
  public Object step(int i) {
    return steps[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonPath p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
