package io.copyjob.sql.jdbc;

import java.util.List;
import java.util.StringJoiner;

/** Small helpers to assemble SQL text. */
public final class Sql {
  private Sql() {
  }

  /** The conditions that are not null joined with AND, each in parentheses when there are several; null when none is. */
  public static String and(String... conditions) {
    List<String> present = new java.util.ArrayList<>();
    for (String c : conditions) {
      if (c != null) {
        present.add(c);
      }
    }
    if (present.isEmpty()) {
      return null;
    }
    if (present.size() == 1) {
      return present.get(0);
    }
    StringJoiner j = new StringJoiner(" AND ");
    for (String c : present) {
      j.add("(" + c + ")");
    }
    return j.toString();
  }

  /** {@code " WHERE condition"}, or an empty string when the condition is null. */
  public static String where(String condition) {
    return condition == null ? "" : " WHERE " + condition;
  }

  /** The quoted identifiers joined with {@code ", "}. */
  public static String columnList(Dialect dialect, List<String> columns) {
    StringJoiner j = new StringJoiner(", ");
    for (String c : columns) {
      j.add(dialect.quoteIdentifier(c));
    }
    return j.toString();
  }

  /** A standard SQL string literal: single quotes doubled. */
  public static String stringLiteral(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
