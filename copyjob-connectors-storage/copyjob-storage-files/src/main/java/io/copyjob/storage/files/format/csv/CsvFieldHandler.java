package io.copyjob.storage.files.format.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * Collects the fields of one CSV record, telling NULL (an empty unquoted field) from the empty string (a
 * quoted {@code ""}), which FastCSV's own record types do not. Fields the reader does not need are not
 * turned into strings. Reuses one array: each record is consumed before the next is parsed.
 */
final class CsvFieldHandler extends AbstractBaseCsvCallbackHandler<CsvFieldHandler> {
  /** Placeholder for a field that was present but is not needed; never returned to callers as a value. */
  static final String SKIPPED = new String("skipped");

  private boolean[] wanted;
  private String[] fields = new String[16];
  private int count;
  private long line;

  /** Needs every field: for the header and for sampling. */
  CsvFieldHandler() {
  }

  /** From now on, only fields whose index is set in {@code wanted} are materialized. */
  void want(boolean[] wanted) {
    this.wanted = wanted;
  }

  @Override
  protected void handleBegin(long startingLineNumber) {
    count = 0;
    line = startingLineNumber;
  }

  @Override
  protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
    if (count == fields.length) {
      fields = Arrays.copyOf(fields, count * 2);
    }
    String value;
    if (wanted != null && (fieldIdx >= wanted.length || !wanted[fieldIdx])) {
      value = SKIPPED;
    } else if (len == 0) {
      value = quoted ? "" : null;
    } else {
      value = new String(buf, offset, len);
    }
    fields[count++] = value;
  }

  @Override
  protected CsvFieldHandler buildRecord() {
    return this;
  }

  /** Whether the record was an empty line. */
  boolean isEmptyLine() {
    return getRecordType() == RecordType.EMPTY;
  }

  /** Fields of the current record. */
  int count() {
    return count;
  }

  /** Field {@code i} of the current record: null for NULL. */
  String field(int i) {
    return fields[i];
  }

  /** The line the current record starts on, 1-based. */
  long line() {
    return line;
  }
}
