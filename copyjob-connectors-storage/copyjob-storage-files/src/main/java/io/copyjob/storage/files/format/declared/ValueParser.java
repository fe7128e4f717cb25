package io.copyjob.storage.files.format.declared;

import io.copyjob.data.ColumnVector;
import java.nio.charset.StandardCharsets;

/**
 * Puts the text of one value into a declared column's vector, converted as COPY INTO does (see
 * {@link ValueParsers}), or throws {@link BadValue}. One per column and reader; not thread-safe.
 */
public abstract class ValueParser {
  private final DeclaredColumn column;
  private ColumnVector defaultValue;

  ValueParser(DeclaredColumn column) {
    this.column = column;
  }

  /** The column this parser fills. */
  public final DeclaredColumn column() {
    return column;
  }

  /**
   * Parses the UTF-8 bytes {@code [off, off + len)} (a field's text, unquoted) into row {@code row}; an empty
   * value is NULL, except for STRING and JSON when {@code emptyIsNull} is false (a quoted empty CSV field).
   *
   * @throws BadValue when the text is not a value of the column's type, does not fit it, or is NULL in a column
   *     that is not nullable
   */
  public final void parse(byte[] b, int off, int len, boolean emptyIsNull, ColumnVector out, int row) {
    if (len == 0 && (emptyIsNull || !keepsEmpty() || column.defaultValue() != null)) {
      setNull(out, row);
      return;
    }
    parseText(b, off, off + len, out, row);
  }

  /**
   * Parses {@code text} (a value from a format that tells NULL from the empty string) into row {@code row}: null
   * is NULL; empty text is NULL except for STRING and JSON, where it is the empty string (or the default).
   */
  public void parse(String text, ColumnVector out, int row) {
    if (text == null) {
      setNull(out, row);
      return;
    }
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    parse(b, 0, b.length, true, out, row);
  }

  /**
   * Sets row {@code row} to NULL, or to the column's default when it has one.
   *
   * @throws BadValue when the column is not nullable and has no default
   */
  public final void setNull(ColumnVector out, int row) {
    if (column.defaultValue() != null) {
      out.copyFrom(defaultVector(), 0, row);
    } else if (!column.nullable()) {
      throw new BadValue("NULL in a column declared not nullable");
    } else {
      out.setNull(row);
    }
  }

  /** Parses the column's default, checking it is a value of the type. */
  ColumnVector parseDefault() {
    return defaultVector();
  }

  private ColumnVector defaultVector() {
    if (defaultValue == null) {
      ColumnVector v = ColumnVector.allocate(column.type(), 1);
      byte[] b = column.defaultValue().getBytes(StandardCharsets.UTF_8);
      parseText(b, 0, b.length, v, 0);
      defaultValue = v;
    }
    return defaultValue;
  }

  /** Whether an empty text is a value (the empty string) rather than NULL. */
  boolean keepsEmpty() {
    return false;
  }

  /** Parses the non-empty text {@code [off, end)}. */
  abstract void parseText(byte[] b, int off, int end, ColumnVector out, int row);
}
