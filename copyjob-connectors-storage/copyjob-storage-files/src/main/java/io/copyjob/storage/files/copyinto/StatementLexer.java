package io.copyjob.storage.files.copyinto;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a COPY INTO statement into {@link Token}s, skipping white space and {@code --} and {@code /* *}{@code /}
 * comments. Strings may carry an {@code N} prefix.
 */
final class StatementLexer {
  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private StatementLexer(String text) {
    this.text = text;
  }

  /** The tokens of {@code text}, ending with an {@link Token.Kind#END} token. */
  static List<Token> tokenize(String text) {
    StatementLexer lexer = new StatementLexer(text);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length()) {
        tokens.add(new Token(Token.Kind.END, "", pos));
        return;
      }
      char c = text.charAt(pos);
      int start = pos;
      if (c == '\'' || ((c == 'N' || c == 'n') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'')) {
        if (c != '\'') {
          pos++;
        }
        tokens.add(new Token(Token.Kind.STRING, quoted('\'', '\'', start), start));
      } else if (c == '[') {
        tokens.add(new Token(Token.Kind.QUOTED_NAME, quoted('[', ']', start), start));
      } else if (c == '"') {
        tokens.add(new Token(Token.Kind.QUOTED_NAME, quoted('"', '"', start), start));
      } else if (Character.isDigit(c)) {
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, pos), start));
      } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
        while (pos < text.length() && isWordPart(text.charAt(pos))) {
          pos++;
        }
        tokens.add(new Token(Token.Kind.WORD, text.substring(start, pos), start));
      } else if ("(),=.;-".indexOf(c) >= 0) {
        pos++;
        tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), start));
      } else {
        throw new StatementException(start, "unexpected character '" + c + "'");
      }
    }
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '#';
  }

  /** Reads a quoted text starting at {@code pos} (on the opening quote); a doubled closing quote is one. */
  private String quoted(char open, char close, int start) {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == close) {
        if (pos < text.length() && text.charAt(pos) == close) {
          sb.append(close);
          pos++;
          continue;
        }
        return sb.toString();
      }
      sb.append(c);
    }
    throw new StatementException(start, (open == '\'' ? "the string" : "the quoted name") + " opened here is not "
        + "closed");
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (text.startsWith("--", pos)) {
        int eol = text.indexOf('\n', pos);
        pos = eol < 0 ? text.length() : eol + 1;
      } else if (text.startsWith("/*", pos)) {
        int end = text.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new StatementException(pos, "the comment opened here is not closed");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }
}
