package io.copyjob.storage.files.format.declared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Parses numbers straight from ASCII bytes, without an intermediate String for integers and most decimals.
 * Callers pass ranges already stripped of surrounding spaces.
 */
final class NumberText {
  private NumberText() {
  }

  /** An integer within {@code [min, max]}; {@code type} names the column type in messages. */
  static long parseLong(byte[] b, int off, int end, long min, long max, Object type) {
    int i = off;
    boolean negative = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    if (i == end) {
      throw notA(b, off, end, type);
    }
    long v = 0; // accumulated negatively, so Long.MIN_VALUE fits
    for (; i < end; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        throw notA(b, off, end, type);
      }
      if (v < (Long.MIN_VALUE + d) / 10) {
        throw outOfRange(b, off, end, type);
      }
      v = v * 10 - d;
    }
    if (!negative) {
      if (v == Long.MIN_VALUE) {
        throw outOfRange(b, off, end, type);
      }
      v = -v;
    }
    if (v < min || v > max) {
      throw outOfRange(b, off, end, type);
    }
    return v;
  }

  /**
   * A decimal of {@code precision} digits and {@code scale} of them after the point: extra fraction digits are
   * cut off (truncated toward zero, as COPY INTO does), more integer digits than {@code precision - scale} do
   * not fit.
   */
  static BigDecimal parseDecimal(byte[] b, int off, int end, int precision, int scale, Object type) {
    int i = off;
    boolean negative = false;
    if (i < end && (b[i] == '-' || b[i] == '+')) {
      negative = b[i] == '-';
      i++;
    }
    long unscaled = 0;
    int digits = 0; // significant digits accumulated into unscaled
    int intDigits = 0;
    int fracDigits = 0;
    boolean any = false;
    boolean point = false;
    for (; i < end; i++) {
      byte c = b[i];
      if (c == '.' && !point) {
        point = true;
        continue;
      }
      int d = c - '0';
      if (d < 0 || d > 9) {
        if ((c == 'e' || c == 'E') && any) {
          return slowDecimal(b, off, end, precision, scale, type);
        }
        throw notA(b, off, end, type);
      }
      any = true;
      if (point) {
        if (fracDigits == scale) {
          continue; // truncated
        }
        fracDigits++;
      } else if (intDigits == 0 && d == 0) {
        continue; // leading zero
      } else {
        intDigits++;
      }
      if (digits == 18) {
        return slowDecimal(b, off, end, precision, scale, type);
      }
      unscaled = unscaled * 10 + d;
      digits++;
    }
    if (!any) {
      throw notA(b, off, end, type);
    }
    if (intDigits > precision - scale) {
      throw new BadValue("value " + text(b, off, end) + " overflows " + type);
    }
    for (int f = fracDigits; f < scale; f++) {
      if (digits == 18) {
        return slowDecimal(b, off, end, precision, scale, type);
      }
      unscaled *= 10;
      digits++;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  private static BigDecimal slowDecimal(byte[] b, int off, int end, int precision, int scale, Object type) {
    BigDecimal v;
    try {
      v = new BigDecimal(text(b, off, end)).setScale(scale, RoundingMode.DOWN);
    } catch (NumberFormatException | ArithmeticException e) {
      throw notA(b, off, end, type);
    }
    if (v.precision() - v.scale() > precision - scale && v.signum() != 0) {
      throw new BadValue("value " + text(b, off, end) + " overflows " + type);
    }
    return v;
  }

  /** A double; {@code single}: must fit a float. */
  static double parseDouble(byte[] b, int off, int end, boolean single, Object type) {
    String s = text(b, off, end);
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw notA(b, off, end, type);
    }
    if (single) {
      float f = (float) v;
      if (Float.isInfinite(f) && !Double.isInfinite(v)) {
        throw outOfRange(b, off, end, type);
      }
      return f;
    }
    return v;
  }

  static BadValue notA(byte[] b, int off, int end, Object type) {
    return new BadValue("'" + abbreviated(b, off, end) + "' is not a " + type);
  }

  static BadValue outOfRange(byte[] b, int off, int end, Object type) {
    return new BadValue("value " + abbreviated(b, off, end) + " is out of range for " + type);
  }

  static String text(byte[] b, int off, int end) {
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  static String abbreviated(byte[] b, int off, int end) {
    return io.copyjob.data.TextValues.abbreviate(text(b, off, end));
  }
}
