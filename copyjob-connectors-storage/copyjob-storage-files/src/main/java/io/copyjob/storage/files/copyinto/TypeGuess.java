package io.copyjob.storage.files.copyinto;

import io.copyjob.data.LogicalType;
import java.util.regex.Pattern;

/**
 * The narrowest type that holds every sampled text value of a column: BOOLEAN, INT64, DECIMAL(p,s), DATE,
 * TIMESTAMP(6), else STRING. NULLs say nothing; a column of NULLs only is STRING. Values are ISO forms (dates in
 * other orders stay text: DATEFORMAT applies to declared DATE columns, not to guessing).
 */
final class TypeGuess {
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d*)\\.(\\d+)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

  private boolean seen;
  private boolean bool = true;
  private boolean integer = true;
  private boolean decimal = true;
  private boolean date = true;
  private boolean timestamp = true;
  private int intDigits;
  private int scale;

  void add(String value) {
    if (value == null) {
      return;
    }
    String v = value.trim();
    seen = true;
    bool &= v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
    integer &= INTEGER.matcher(v).matches();
    var d = DECIMAL.matcher(v);
    if (d.matches()) {
      intDigits = Math.max(intDigits, d.group(1).length());
      scale = Math.max(scale, d.group(2).length());
    } else if (INTEGER.matcher(v).matches()) {
      intDigits = Math.max(intDigits, v.replaceFirst("^[-+]", "").length());
    } else {
      decimal = false;
    }
    date &= DATE.matcher(v).matches();
    timestamp &= TIMESTAMP.matcher(v).matches() || DATE.matcher(v).matches();
  }

  LogicalType type() {
    if (!seen) {
      return LogicalType.string();
    }
    if (bool) {
      return LogicalType.bool();
    }
    if (integer) {
      return LogicalType.int64();
    }
    if (decimal && intDigits + scale <= LogicalType.MAX_DECIMAL_PRECISION) {
      return LogicalType.decimal(Math.max(1, intDigits + scale), scale);
    }
    if (date) {
      return LogicalType.date();
    }
    if (timestamp) {
      return LogicalType.timestamp(6);
    }
    return LogicalType.string();
  }
}
