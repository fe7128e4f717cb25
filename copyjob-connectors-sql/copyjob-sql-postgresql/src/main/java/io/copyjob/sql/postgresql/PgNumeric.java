package io.copyjob.sql.postgresql;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary numeric: {@code int16 ndigits, int16 weight, int16 sign, int16 dscale}, then
 * {@code ndigits} base-10000 digits, most significant first; the value is
 * {@code sum(digit[i] * 10000^(weight - i))} with {@code dscale} decimal digits after the point.
 */
final class PgNumeric {
  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  static final int PINF = 0xD000;
  static final int NINF = 0xF000;

  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  /** A value that is not a number (NaN or an infinity) and so has no BigDecimal form. */
  static final class NotANumberException extends IOException {
    private static final long serialVersionUID = 1L;

    NotANumberException(String what) {
      super(what);
    }
  }

  private PgNumeric() {
  }

  /** Reads one numeric value (without its length prefix). */
  static BigDecimal read(CopyInput in) throws IOException {
    int ndigits = in.readShort() & 0xffff;
    int weight = in.readShort();
    int sign = in.readShort() & 0xffff;
    int dscale = in.readShort() & 0xffff;
    if (sign == NAN || sign == PINF || sign == NINF) {
      in.skip(2 * ndigits);
      throw new NotANumberException(sign == NAN ? "NaN" : sign == PINF ? "Infinity" : "-Infinity");
    }
    if (ndigits == 0) {
      return BigDecimal.valueOf(0, dscale);
    }
    // the digits as one integer, at a scale of 4 decimal digits per group after the point
    int scale = (ndigits - 1 - weight) * 4;
    BigDecimal value;
    if (ndigits <= 4) {
      long u = 0;
      for (int i = 0; i < ndigits; i++) {
        u = u * 10_000 + in.readShort();
      }
      value = BigDecimal.valueOf(sign == NEGATIVE ? -u : u, scale);
    } else {
      BigInteger u = BigInteger.ZERO;
      long chunk = 0;
      int inChunk = 0;
      for (int i = 0; i < ndigits; i++) {
        chunk = chunk * 10_000 + in.readShort();
        if (++inChunk == 4) {
          u = u.multiply(BigInteger.TEN.pow(16)).add(BigInteger.valueOf(chunk));
          chunk = 0;
          inChunk = 0;
        }
      }
      if (inChunk > 0) {
        u = u.multiply(BigInteger.TEN.pow(4 * inChunk)).add(BigInteger.valueOf(chunk));
      }
      value = new BigDecimal(sign == NEGATIVE ? u.negate() : u, scale);
    }
    // digits beyond dscale are zeros, so this never rounds
    return value.setScale(dscale, RoundingMode.UNNECESSARY);
  }

  /** Writes {@code value} as a length-prefixed numeric field. */
  static void write(BigDecimal value, CopyOutput out) throws IOException {
    int scale = value.scale();
    int dscale = Math.max(scale, 0);
    if (value.signum() == 0) {
      out.writeInt(8);
      out.writeShort(0);
      out.writeShort(0);
      out.writeShort(POSITIVE);
      out.writeShort(dscale);
      return;
    }
    BigInteger unscaled = value.unscaledValue().abs();
    // align the digits so the point falls between two base-10000 groups
    int fracGroups = (dscale + 3) / 4;
    int shift = fracGroups * 4 - scale; // >= 0; scale < 0 shifts whole digits in
    short[] groups;
    int count;
    if (unscaled.bitLength() < 63 && shift <= 18 && fitsAfterShift(unscaled.longValue(), shift)) {
      long u = unscaled.longValue() * POW10[shift];
      groups = new short[5];
      count = 0;
      while (u != 0) {
        groups[count++] = (short) (u % 10_000);
        u /= 10_000;
      }
    } else {
      BigInteger u = unscaled.multiply(BigInteger.TEN.pow(shift));
      groups = new short[(u.bitLength() / 13) + 2];
      count = 0;
      while (u.signum() != 0) {
        BigInteger[] qr = u.divideAndRemainder(TEN_THOUSAND);
        groups[count++] = qr[1].shortValue();
        u = qr[0];
      }
    }
    // groups are least significant first; trailing zero groups need not be sent
    int low = 0;
    while (low < count && groups[low] == 0) {
      low++;
    }
    int weight = count - 1 - fracGroups;
    int ndigits = count - low;
    out.writeInt(8 + 2 * ndigits);
    out.writeShort(ndigits);
    out.writeShort(weight);
    out.writeShort(value.signum() < 0 ? NEGATIVE : POSITIVE);
    out.writeShort(dscale);
    for (int i = count - 1; i >= low; i--) {
      out.writeShort(groups[i]);
    }
  }

  private static boolean fitsAfterShift(long u, int shift) {
    return u <= Long.MAX_VALUE / POW10[shift];
  }
}
