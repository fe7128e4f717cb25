package io.copyjob.sql.postgresql;

import io.copyjob.data.BooleanVector;
import io.copyjob.data.ColumnVector;
import io.copyjob.data.DoubleVector;
import io.copyjob.data.LogicalType;
import io.copyjob.data.LongVector;
import io.copyjob.data.ObjectVector;
import io.copyjob.data.TypeId;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds one non-null value to an INSERT parameter with a typed setter. Each parameter is written
 * {@code CAST(? AS type)} with the destination's type without modifier, so the server converts as it would a
 * literal and then checks the column's modifier on assignment (a too-long varchar fails instead of being cut).
 * Dates and times go as their exact text, which avoids the driver's time-zone handling and rounding.
 */
interface ParameterBinder {

  void bind(PreparedStatement statement, int index, ColumnVector vector, int row) throws SQLException;

  static ParameterBinder forColumn(LogicalType source, PgType dest) {
    TypeId s = source.id();
    switch (s) {
      case BOOLEAN: return (st, i, v, row) -> st.setBoolean(i, ((BooleanVector) v).get(row));
      case INT8: case INT16: case INT32: case INT64: return (st, i, v, row) -> st.setLong(i, ((LongVector) v).get(row));
      case FLOAT32: return (st, i, v, row) -> st.setFloat(i, (float) ((DoubleVector) v).get(row));
      case FLOAT64: return (st, i, v, row) -> st.setDouble(i, ((DoubleVector) v).get(row));
      case DECIMAL: return (st, i, v, row) -> st.setBigDecimal(i, PgText.checkScale(((ObjectVector) v).getDecimal(row), dest));
      case BINARY: return (st, i, v, row) -> st.setBytes(i, ((ObjectVector) v).getBytes(row));
      case STRING:
        if (dest.oid() == PgType.BYTEA) {
          return (st, i, v, row) -> st.setBytes(i, PgText.base64(((ObjectVector) v).getString(row)));
        }
        if (PgText.needsScaleCheck(s, dest)) {
          TextRenderer checked = TextRenderer.forColumn(source, dest);
          return (st, i, v, row) -> st.setString(i, checked.render(v, row));
        }
        return (st, i, v, row) -> st.setString(i, ((ObjectVector) v).getString(row));
      case JSON: return (st, i, v, row) -> st.setString(i, ((ObjectVector) v).getString(row));
      default: {
        TextRenderer text = TextRenderer.forColumn(source, dest);
        return (st, i, v, row) -> st.setString(i, text.render(v, row));
      }
    }
  }
}
