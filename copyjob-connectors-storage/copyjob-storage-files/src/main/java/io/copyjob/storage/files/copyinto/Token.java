package io.copyjob.storage.files.copyinto;

/** A token of a COPY INTO statement, with where it starts (0-based offset into the statement). */
record Token(Kind kind, String text, int offset) {
  enum Kind {
    /** A bare word: a keyword, an option name, an unquoted identifier. */
    WORD,
    /** An identifier in brackets or double quotes, unquoted. */
    QUOTED_NAME,
    /** A string literal, unquoted ({@code ''} read as {@code '}). */
    STRING,
    /** An unsigned number. */
    NUMBER,
    /** One of {@code ( ) , = . ; -}. */
    SYMBOL,
    END
  }

  boolean is(Kind k, String value) {
    return kind == k && text.equalsIgnoreCase(value);
  }

  boolean isWord(String value) {
    return is(Kind.WORD, value);
  }

  boolean isSymbol(char c) {
    return kind == Kind.SYMBOL && text.charAt(0) == c;
  }

  /** How the token reads in a message. */
  String show() {
    return switch (kind) {
      case STRING -> "'" + text + "'";
      case QUOTED_NAME -> "[" + text + "]";
      case END -> "the end of the statement";
      default -> "'" + text + "'";
    };
  }
}
