package io.copyjob.sql.postgresql;

import io.copyjob.data.ColumnVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TimestampVector;
import io.copyjob.data.TypeId;
import java.math.BigDecimal;

/**
 * Renders a non-null value as the text PostgreSQL parses into the destination column: used by the text COPY
 * format, when some column of a table needs the server's parser (a STRING into a numeric, a date, an enum...).
 */
interface TextRenderer {

  String render(ColumnVector vector, int row);

  static TextRenderer forColumn(LogicalType source, PgType dest) {
    TypeId s = source.id();
    if (dest.oid() == PgType.BYTEA) {
      if (s == TypeId.STRING) {
        return (v, row) -> PgText.hex(PgText.base64(((ObjectVector) v).getString(row)));
      }
      return PgText::render;
    }
    if (PgText.needsScaleCheck(s, dest)) {
      if (s == TypeId.DECIMAL) {
        return (v, row) -> PgText.checkScale(((ObjectVector) v).getDecimal(row), dest).toPlainString();
      }
      return (v, row) -> {
        String text = ((ObjectVector) v).getString(row);
        BigDecimal d;
        try {
          d = new BigDecimal(text.strip());
        } catch (NumberFormatException notPlain) {
          return text; // NaN, or not a number at all: PostgreSQL decides and says which row
        }
        PgText.checkScale(d, dest);
        return text;
      };
    }
    if (source.isTimestamp() && (dest.oid() == PgType.TIMESTAMP || dest.oid() == PgType.TIMESTAMPTZ)
        && dest.timePrecision() < 6) {
      long unit = (long) Math.pow(10, 6 - dest.timePrecision());
      return (v, row) -> {
        if (Math.floorMod(((TimestampVector) v).getMicros(row), unit) != 0) {
          throw new BadValueException("the timestamp has more fractional digits than the column's "
              + dest.sqlName() + " keeps; it would be rounded");
        }
        return PgText.render(v, row);
      };
    }
    if (s == TypeId.TIME && dest.oid() == PgType.TIME && dest.timePrecision() < 6) {
      long unit = (long) Math.pow(10, 6 - dest.timePrecision());
      return (v, row) -> {
        if (((io.copyjob.data.LongVector) v).get(row) / 1000 % unit != 0) {
          throw new BadValueException("the time has more fractional digits than the column's "
              + dest.sqlName() + " keeps; it would be rounded");
        }
        return PgText.render(v, row);
      };
    }
    return PgText::render;
  }
}
