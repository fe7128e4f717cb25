package io.copyjob.sql.sqlserver;

import java.util.Locale;

/**
 * A column type as {@code sys.columns}/{@code sys.types} describe it: the system type name (the base type of
 * an alias type), {@code max_length} in bytes (-1 for (max)), precision and scale. Immutable.
 */
public record SqlServerType(String name, int maxLength, int precision, int scale) {

  public SqlServerType {
    name = name.toLowerCase(Locale.ROOT);
  }

  /** A type without length, precision or scale, e.g. {@code int}. */
  public static SqlServerType of(String name) {
    return new SqlServerType(name, 0, 0, 0);
  }

  /** True for {@code rowversion} (also spelt {@code timestamp}, its old name). */
  public boolean isRowversion() {
    return name.equals("timestamp") || name.equals("rowversion");
  }

  /** Length in characters of a char/varchar/nchar/nvarchar, -1 for (max). */
  public int charLength() {
    if (maxLength < 0) {
      return -1;
    }
    return name.startsWith("n") ? maxLength / 2 : maxLength;
  }

  /** The declaration, e.g. {@code nvarchar(20)}, {@code decimal(10,2)}, {@code datetime2(7)}. */
  public String declaration() {
    switch (name) {
      case "char": case "varchar": case "nchar": case "nvarchar": case "binary": case "varbinary": {
        int n = name.contains("binary") ? maxLength : charLength();
        return name + "(" + (n < 0 ? "max" : Integer.toString(n)) + ")";
      }
      case "decimal": case "numeric": return name + "(" + precision + "," + scale + ")";
      case "datetime2": case "datetimeoffset": case "time": return name + "(" + scale + ")";
      case "timestamp": case "rowversion": return "binary(8)"; // a copy of a rowversion is plain binary
      default: return name;
    }
  }
}
