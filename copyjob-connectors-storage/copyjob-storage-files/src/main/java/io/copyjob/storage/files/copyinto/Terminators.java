package io.copyjob.storage.files.copyinto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes COPY INTO's FIELDTERMINATOR, ROWTERMINATOR and FIELDQUOTE notations: plain characters, the escapes
 * {@code \t}, {@code \n}, {@code \r}, {@code \0} and {@code \\}, and hexadecimal bytes ({@code 0x0A},
 * {@code 0x7C0x7C}, {@code 0x0D0A}), read as UTF-8 (as single bytes where they are not UTF-8).
 */
final class Terminators {
  private Terminators() {
  }

  /**
   * The characters {@code notation} stands for.
   *
   * @throws IllegalArgumentException saying what is wrong: an empty value, bad hex, an unknown escape
   */
  static String decode(String notation) {
    if (notation == null || notation.isEmpty()) {
      throw new IllegalArgumentException("is empty");
    }
    if (notation.length() > 2 && (notation.startsWith("0x") || notation.startsWith("0X"))) {
      return hex(notation);
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < notation.length(); i++) {
      char c = notation.charAt(i);
      if (c != '\\' || i + 1 == notation.length()) {
        out.append(c);
        continue;
      }
      char e = notation.charAt(++i);
      switch (e) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case '\\' -> out.append('\\');
        default -> throw new IllegalArgumentException("has an unknown escape '\\" + e
            + "': use \\t, \\n, \\r, \\0, \\\\ or hexadecimal such as 0x09");
      }
    }
    return out.toString();
  }

  /**
   * A ROWTERMINATOR: empty for COPY's default meaning (a line ends with CRLF or LF: the notations {@code \n},
   * {@code \r\n}, or those characters themselves), otherwise exactly the decoded characters ({@code 0x0A} is LF
   * only, {@code 0x0D0A} CRLF only).
   */
  static Optional<String> rowTerminator(String notation) {
    if (notation != null && (notation.equals("\\n") || notation.equals("\\r\\n") || notation.equals("\n")
        || notation.equals("\r\n"))) {
      return Optional.empty();
    }
    return Optional.of(decode(notation));
  }

  private static String hex(String notation) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String[] groups = notation.split("(?i)0x", -1);
    if (!groups[0].isEmpty()) {
      throw new IllegalArgumentException("is not hexadecimal: '" + notation + "'");
    }
    for (int g = 1; g < groups.length; g++) {
      String digits = groups[g];
      if (digits.isEmpty() || digits.length() % 2 != 0 || !digits.matches("[0-9A-Fa-f]+")) {
        throw new IllegalArgumentException("is not hexadecimal bytes such as 0x0A or 0x7C0x7C: '" + notation + "'");
      }
      for (int i = 0; i < digits.length(); i += 2) {
        bytes.write(Integer.parseInt(digits.substring(i, i + 2), 16));
      }
    }
    byte[] b = bytes.toByteArray();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }
}
