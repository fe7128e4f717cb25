package io.copyjob.storage.orc;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.storage.files.format.FileErrors;
import java.util.ArrayList;
import java.util.List;
import org.apache.orc.TypeDescription;

/**
 * The ORC type mapping (reading only).
 *
 * <table>
 *   <caption>ORC to copyjob</caption>
 *   <tr><th>ORC</th><th>copyjob</th></tr>
 *   <tr><td>boolean</td><td>BOOLEAN</td></tr>
 *   <tr><td>tinyint, smallint, int, bigint</td><td>INT8, INT16, INT32, INT64</td></tr>
 *   <tr><td>float, double</td><td>FLOAT32, FLOAT64</td></tr>
 *   <tr><td>decimal(p,s)</td><td>DECIMAL(p,s)</td></tr>
 *   <tr><td>string / varchar(n), char(n)</td><td>STRING / STRING(n) (char values keep their padding)</td></tr>
 *   <tr><td>binary</td><td>BINARY</td></tr>
 *   <tr><td>date</td><td>DATE (proleptic Gregorian, also for files written with the hybrid calendar)</td></tr>
 *   <tr><td>timestamp</td><td>TIMESTAMP(9): the wall-clock time as written, whatever the writer's zone</td></tr>
 *   <tr><td>timestamp with local time zone</td><td>TIMESTAMP_TZ(9): the instant</td></tr>
 *   <tr><td>array, map, struct</td><td>LIST, MAP, STRUCT of the mapped types</td></tr>
 *   <tr><td>uniontype, geometry, geography</td><td>not supported: an error naming the file and column</td></tr>
 * </table>
 *
 * <p>Every column is nullable: ORC has no NOT NULL.
 */
public final class OrcTypeMapping {
  private OrcTypeMapping() {
  }

  /**
   * The copyjob schema of a file with the ORC schema {@code orc} (a struct of the file's columns).
   *
   * @param file names the file in errors
   * @throws io.copyjob.CopyJobException {@code BAD_INPUT} naming the file and column of a type copyjob cannot read
   */
  public static Schema fromOrc(TypeDescription orc, String file) {
    if (orc.getCategory() != TypeDescription.Category.STRUCT) {
      throw FileErrors.badInput(file, 0, "the file's root type is " + orc + ", not a struct of columns", null);
    }
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < orc.getChildren().size(); i++) {
      String name = orc.getFieldNames().get(i);
      fields.add(Field.of(name, fromOrc(orc.getChildren().get(i), name, file)));
    }
    return Schema.of(fields);
  }

  /** The copyjob type of an ORC type; {@code column} names the top-level column in errors. */
  static LogicalType fromOrc(TypeDescription t, String column, String file) {
    switch (t.getCategory()) {
      case BOOLEAN: return LogicalType.bool();
      case BYTE: return LogicalType.int8();
      case SHORT: return LogicalType.int16();
      case INT: return LogicalType.int32();
      case LONG: return LogicalType.int64();
      case FLOAT: return LogicalType.float32();
      case DOUBLE: return LogicalType.float64();
      case DECIMAL: return LogicalType.decimal(t.getPrecision(), t.getScale());
      case STRING: return LogicalType.string();
      case VARCHAR: case CHAR: return LogicalType.string(t.getMaxLength());
      case BINARY: return LogicalType.binary();
      case DATE: return LogicalType.date();
      case TIMESTAMP: return LogicalType.timestamp(LogicalType.MAX_TIME_PRECISION);
      case TIMESTAMP_INSTANT: return LogicalType.timestampTz(LogicalType.MAX_TIME_PRECISION);
      case LIST: return LogicalType.list(fromOrc(t.getChildren().get(0), column, file));
      case MAP:
        return LogicalType.map(fromOrc(t.getChildren().get(0), column, file),
            fromOrc(t.getChildren().get(1), column, file));
      case STRUCT: {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < t.getChildren().size(); i++) {
          fields.add(Field.of(t.getFieldNames().get(i), fromOrc(t.getChildren().get(i), column, file)));
        }
        return LogicalType.struct(fields);
      }
      default:
        throw FileErrors.badInput(file, 0, "the column '" + column + "' has the ORC type " + t + ", which copyjob "
            + "cannot read (uniontype, geometry and geography are not supported)", null);
    }
  }
}
