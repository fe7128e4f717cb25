package io.copyjob.storage.files.copyinto;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.format.compress.Compression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code COPY INTO [warehouse.][schema.]table [(column_list)] FROM '<location>' [, ...n] [WITH (...)]}
 * into a {@link CopyInto.Builder}. Every error names the line and column of the statement where it is, and for
 * an option, the option.
 */
final class CopyIntoParser {
  /** An option's handler: sets it on the builder from its value token(s). */
  private interface Handler {
    void apply(CopyIntoParser p, CopyInto.Builder b, String option);
  }

  private static final Map<String, Handler> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("FILE_TYPE", (p, b, o) -> b.fileType(p.enumValue(o, FileType.class, Map.of())));
    OPTIONS.put("FILE_FORMAT", (p, b, o) -> {
      throw p.error(p.previous(), o + " names an external file format object, which copyjob has no catalog of: "
          + "give FILE_TYPE and the format options instead");
    });
    OPTIONS.put("CREDENTIAL", (p, b, o) -> b.credential(p.credential(o)));
    OPTIONS.put("ERRORFILE", (p, b, o) -> b.errorFile(p.string(o)));
    OPTIONS.put("ERRORFILE_CREDENTIAL", (p, b, o) -> b.errorFileCredential(p.credential(o)));
    OPTIONS.put("MAXERRORS", (p, b, o) -> p.maxErrors(b, o));
    OPTIONS.put("COMPRESSION", (p, b, o) -> p.compression(b, o));
    OPTIONS.put("FIELDQUOTE", (p, b, o) -> b.fieldQuote(p.string(o)));
    OPTIONS.put("FIELDTERMINATOR", (p, b, o) -> b.fieldTerminator(p.string(o)));
    OPTIONS.put("ROWTERMINATOR", (p, b, o) -> b.rowTerminator(p.string(o)));
    OPTIONS.put("FIRSTROW", (p, b, o) -> b.firstRow(p.number(o)));
    OPTIONS.put("DATEFORMAT", (p, b, o) -> b.dateFormat(p.enumValue(o, DateFormat.class, Map.of())));
    OPTIONS.put("ENCODING", (p, b, o) -> b.encoding(p.enumValue(o, Encoding.class,
        Map.of("UTF-8", Encoding.UTF8, "UTF-16", Encoding.UTF16))));
    OPTIONS.put("IDENTITY_INSERT", (p, b, o) -> b.identityInsert(p.enumValue(o, OnOff.class, Map.of())));
    OPTIONS.put("AUTO_CREATE_TABLE", (p, b, o) -> b.autoCreateTable(p.enumValue(o, OnOff.class, Map.of())));
    OPTIONS.put("MATCH_COLUMN_COUNT", (p, b, o) -> b.matchColumnCount(p.enumValue(o, OnOff.class, Map.of())));
    OPTIONS.put("PARSER_VERSION", (p, b, o) -> b.parserVersion(p.string(o)));
  }

  private final String text;
  private final List<Token> tokens;
  private int next;
  /** Inside CREDENTIAL: strings are secrets and never quoted in messages. */
  private boolean secret;

  private CopyIntoParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  static CopyInto.Builder parse(String statement) {
    if (statement == null || statement.isBlank()) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO: the statement is empty");
    }
    try {
      return new CopyIntoParser(statement, StatementLexer.tokenize(statement)).statement();
    } catch (StatementException e) {
      throw CopyJobException.of(ErrorCode.INVALID_JOB, "COPY INTO statement, " + at(statement, e.offset) + ": "
          + e.getMessage());
    }
  }

  private CopyInto.Builder statement() {
    keyword("COPY");
    keyword("INTO");
    CopyInto.Builder b = new CopyInto.Builder();
    tableName(b);
    if (peek().isSymbol('(')) {
      columnList(b);
    }
    keyword("FROM");
    do {
      Token location = expect(Token.Kind.STRING, "a location in single quotes");
      guard(location, "FROM", () -> b.from(location.text()));
    } while (accept(','));
    if (peek().isWord("WITH")) {
      advance();
      options(b);
    }
    accept(';');
    if (peek().kind() != Token.Kind.END) {
      throw error(peek(), "unexpected " + show(peek()) + " after the statement");
    }
    return b;
  }

  private void tableName(CopyInto.Builder b) {
    List<Token> parts = new ArrayList<>();
    parts.add(name("the table name"));
    while (peek().isSymbol('.')) {
      advance();
      parts.add(name("a name after '.'"));
    }
    if (parts.size() > 3) {
      throw error(parts.get(3), "a table name has at most three parts: [warehouse.][schema.]table");
    }
    int n = parts.size();
    // The warehouse (database) part is dropped: the destination connector names the database.
    guard(parts.get(0), "table", () -> b.table(n == 1 ? null : parts.get(n - 2).text(), parts.get(n - 1).text()));
  }

  /** {@code (name [DEFAULT value] [field_number | 'json_path'], ...)}. */
  private void columnList(CopyInto.Builder b) {
    expectSymbol('(');
    do {
      Token nameToken = name("a column name");
      CopyColumn column = CopyColumn.of(nameToken.text());
      if (peek().isWord("DEFAULT")) {
        advance();
        Token value = advance();
        if (value.kind() != Token.Kind.STRING && value.kind() != Token.Kind.NUMBER && !value.isWord("NULL")) {
          if (value.isSymbol('-') && peek().kind() == Token.Kind.NUMBER) {
            value = new Token(Token.Kind.NUMBER, "-" + advance().text(), value.offset());
          } else {
            throw error(value, "DEFAULT of column " + nameToken.text() + " needs a value: a string in single quotes"
                + " or a number, got " + show(value));
          }
        }
        if (!value.isWord("NULL")) {
          column = column.withDefault(value.text());
        }
      }
      Token where = peek();
      try {
        if (where.kind() == Token.Kind.NUMBER) {
          advance();
          column = column.field(parseInt(where, "the field number of column " + nameToken.text()));
        } else if (where.kind() == Token.Kind.STRING) {
          advance();
          column = column.path(where.text());
        }
      } catch (IllegalArgumentException e) {
        throw error(where, e.getMessage());
      }
      CopyColumn c = column;
      guard(nameToken, "column list", () -> b.columns(c));
    } while (accept(','));
    expectSymbol(')');
  }

  private void options(CopyInto.Builder b) {
    expectSymbol('(');
    Set<String> seen = new HashSet<>();
    if (peek().isSymbol(')')) {
      advance();
      return;
    }
    do {
      Token nameToken = expect(Token.Kind.WORD, "an option name");
      String option = nameToken.text().toUpperCase(Locale.ROOT);
      Handler handler = OPTIONS.get(option);
      if (handler == null) {
        throw CopyJobException.of(ErrorCode.INVALID_OPTION, "COPY INTO statement, " + at(text, nameToken.offset())
            + ": unknown option " + nameToken.text() + "; known options: " + String.join(", ", OPTIONS.keySet()));
      }
      if (!seen.add(option)) {
        throw optionError(nameToken, option, "is given twice");
      }
      expectSymbol('=');
      Token valueStart = peek();
      try {
        handler.apply(this, b, option);
      } catch (CopyJobException e) {
        if (e.code() != ErrorCode.INVALID_OPTION || e.detail().startsWith("COPY INTO statement")) {
          throw e;
        }
        String detail = e.detail().startsWith(option) ? e.detail().substring(option.length()).trim() : e.detail();
        throw optionError(valueStart, option, detail);
      }
    } while (accept(','));
    expectSymbol(')');
  }

  // ---- option values

  private String string(String option) {
    Token t = advance();
    if (t.kind() != Token.Kind.STRING) {
      throw optionError(t, option, "needs a value in single quotes, got " + show(t));
    }
    return t.text();
  }

  private long number(String option) {
    Token t = advance();
    if (t.kind() != Token.Kind.NUMBER && t.kind() != Token.Kind.STRING) {
      throw optionError(t, option, "needs a whole number, got " + show(t));
    }
    try {
      return Long.parseLong(t.text().trim());
    } catch (NumberFormatException e) {
      throw optionError(t, option, "needs a whole number, got " + show(t));
    }
  }

  private void maxErrors(CopyInto.Builder b, String option) {
    Token t = advance();
    String v = t.text().trim();
    if (t.kind() == Token.Kind.STRING && v.endsWith("%")) {
      try {
        b.maxErrorsPercent(Double.parseDouble(v.substring(0, v.length() - 1).trim()));
        return;
      } catch (NumberFormatException e) {
        throw optionError(t, option, "needs a whole number or a percentage such as '2.5%', got " + show(t));
      }
    }
    if (t.kind() != Token.Kind.NUMBER && t.kind() != Token.Kind.STRING) {
      throw optionError(t, option, "needs a whole number or a percentage such as '2.5%', got " + show(t));
    }
    try {
      b.maxErrors(Long.parseLong(v));
    } catch (NumberFormatException e) {
      throw optionError(t, option, "needs a whole number or a percentage such as '2.5%', got " + show(t));
    }
  }

  private void compression(CopyInto.Builder b, String option) {
    Token t = advance();
    String v = t.text().trim().toUpperCase(Locale.ROOT);
    if (t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.WORD) {
      throw optionError(t, option, "needs 'GZIP', 'SNAPPY', 'ZSTD' or 'NONE', got " + show(t));
    }
    Compression c = switch (v) {
      case "GZIP" -> Compression.GZIP;
      case "SNAPPY" -> Compression.SNAPPY;
      case "ZSTD" -> Compression.ZSTD;
      case "NONE" -> Compression.NONE;
      case "DEFAULTCODEC" -> throw optionError(t, option, "'DefaultCodec' (Hadoop's deflate) is not supported; "
          + "use 'GZIP', 'SNAPPY', 'ZSTD' or 'NONE'");
      default -> throw optionError(t, option, "needs 'GZIP', 'SNAPPY', 'ZSTD' or 'NONE', got " + show(t));
    };
    b.compression(c);
  }

  private <E extends Enum<E>> E enumValue(String option, Class<E> type, Map<String, E> aliases) {
    Token t = advance();
    if (t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.WORD) {
      throw optionError(t, option, "needs one of " + names(type) + " in single quotes, got " + show(t));
    }
    String v = t.text().trim().toUpperCase(Locale.ROOT);
    if (aliases.containsKey(v)) {
      return aliases.get(v);
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw optionError(t, option, "must be one of " + names(type) + ", got " + show(t));
  }

  /** {@code (IDENTITY = '...' [, SECRET = '...'])}. */
  private Credential credential(String option) {
    secret = true;
    try {
      return credentialValue(option);
    } finally {
      secret = false;
    }
  }

  private Credential credentialValue(String option) {
    Token open = peek();
    expectSymbol('(');
    String identity = null;
    String secret = null;
    do {
      Token key = expect(Token.Kind.WORD, "IDENTITY or SECRET");
      expectSymbol('=');
      Token value = expect(Token.Kind.STRING, "a value in single quotes");
      if (key.isWord("IDENTITY") && identity == null) {
        identity = value.text();
      } else if (key.isWord("SECRET") && secret == null) {
        secret = value.text();
      } else {
        throw optionError(key, option, "takes IDENTITY and SECRET once each, got " + show(key));
      }
    } while (accept(','));
    expectSymbol(')');
    if (identity == null) {
      throw optionError(open, option, "needs IDENTITY");
    }
    try {
      return Credential.of(identity, secret);
    } catch (CopyJobException e) {
      // Credential's messages never quote the secret.
      throw optionError(open, option, e.detail().replaceFirst("^CREDENTIAL: ", ""));
    }
  }

  // ---- tokens

  private Token peek() {
    return tokens.get(next);
  }

  private Token previous() {
    return tokens.get(Math.max(0, next - 1));
  }

  private Token advance() {
    Token t = tokens.get(next);
    if (t.kind() != Token.Kind.END) {
      next++;
    }
    return t;
  }

  private boolean accept(char symbol) {
    if (peek().isSymbol(symbol)) {
      advance();
      return true;
    }
    return false;
  }

  private void keyword(String word) {
    Token t = advance();
    if (!t.isWord(word)) {
      throw error(t, "expected " + word + ", got " + show(t));
    }
  }

  private void expectSymbol(char symbol) {
    Token t = advance();
    if (!t.isSymbol(symbol)) {
      throw error(t, "expected '" + symbol + "', got " + show(t));
    }
  }

  private Token expect(Token.Kind kind, String what) {
    Token t = advance();
    if (t.kind() != kind) {
      throw error(t, "expected " + what + ", got " + show(t));
    }
    return t;
  }

  private Token name(String what) {
    Token t = advance();
    if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.QUOTED_NAME) {
      throw error(t, "expected " + what + ", got " + show(t));
    }
    return t;
  }

  private int parseInt(Token t, String what) {
    try {
      return Integer.parseInt(t.text());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, got " + show(t));
    }
  }

  private void guard(Token where, String option, Runnable action) {
    try {
      action.run();
    } catch (CopyJobException e) {
      throw CopyJobException.of(e.code(), "COPY INTO statement, " + at(text, where.offset()) + ": " + e.detail());
    } catch (IllegalArgumentException e) {
      throw optionError(where, option, e.getMessage());
    }
  }

  private StatementException error(Token t, String message) {
    return new StatementException(t.offset(), message);
  }

  private CopyJobException optionError(Token t, String option, String problem) {
    return CopyJobException.of(ErrorCode.INVALID_OPTION, "COPY INTO statement, " + at(text, t.offset()) + ": "
        + option + " " + problem);
  }

  /** How a token reads in a message; inside CREDENTIAL only symbols are shown: the rest may be a secret. */
  private String show(Token t) {
    return secret && t.kind() != Token.Kind.SYMBOL && t.kind() != Token.Kind.END ? "a value" : t.show();
  }

  private static <E extends Enum<E>> String names(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add("'" + e.name() + "'");
    }
    return String.join(", ", names);
  }

  /** {@code line 3, column 7} of a 0-based offset. */
  static String at(String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return "line " + line + ", column " + (offset - lineStart + 1);
  }
}
