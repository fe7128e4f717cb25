package io.copyjob.data;

import java.util.List;
import java.util.Objects;

/**
 * A logical type: a {@link TypeId} with its parameters (precision, scale, length, children).
 *
 * <p>Immutable. Create instances through the static factories, e.g. {@code LogicalType.decimal(38, 9)}.
 */
public final class LogicalType {
  /** Precision of TIME and TIMESTAMP types when none is given: microseconds. */
  public static final int DEFAULT_TIME_PRECISION = 6;
  /** Largest fractional-second precision any connector can carry (100 ns ticks need 7, nanoseconds 9). */
  public static final int MAX_TIME_PRECISION = 9;
  /** Largest decimal precision supported. */
  public static final int MAX_DECIMAL_PRECISION = 38;
  /** Length value meaning "no maximum length" for STRING and BINARY. */
  public static final int UNBOUNDED = -1;

  private static final LogicalType BOOLEAN = new LogicalType(TypeId.BOOLEAN, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType INT8 = new LogicalType(TypeId.INT8, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType INT16 = new LogicalType(TypeId.INT16, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType INT32 = new LogicalType(TypeId.INT32, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType INT64 = new LogicalType(TypeId.INT64, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType FLOAT32 = new LogicalType(TypeId.FLOAT32, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType FLOAT64 = new LogicalType(TypeId.FLOAT64, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType STRING = new LogicalType(TypeId.STRING, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType BINARY = new LogicalType(TypeId.BINARY, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType UUID = new LogicalType(TypeId.UUID, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType JSON = new LogicalType(TypeId.JSON, 0, 0, UNBOUNDED, List.of());
  private static final LogicalType DATE = new LogicalType(TypeId.DATE, 0, 0, UNBOUNDED, List.of());

  private final TypeId id;
  private final int precision;
  private final int scale;
  private final int length;
  private final List<Field> children;

  private LogicalType(TypeId id, int precision, int scale, int length, List<Field> children) {
    this.id = id;
    this.precision = precision;
    this.scale = scale;
    this.length = length;
    this.children = List.copyOf(children);
  }

  public static LogicalType bool() { return BOOLEAN; }
  public static LogicalType int8() { return INT8; }
  public static LogicalType int16() { return INT16; }
  public static LogicalType int32() { return INT32; }
  public static LogicalType int64() { return INT64; }
  public static LogicalType float32() { return FLOAT32; }
  public static LogicalType float64() { return FLOAT64; }
  /** Unbounded text. */
  public static LogicalType string() { return STRING; }
  public static LogicalType binary() { return BINARY; }
  public static LogicalType uuid() { return UUID; }
  public static LogicalType json() { return JSON; }
  public static LogicalType date() { return DATE; }

  /** Text of at most {@code maxLength} characters. */
  public static LogicalType string(int maxLength) {
    if (maxLength != UNBOUNDED && maxLength <= 0) {
      throw new IllegalArgumentException("string length must be positive: " + maxLength);
    }
    return maxLength == UNBOUNDED ? STRING : new LogicalType(TypeId.STRING, 0, 0, maxLength, List.of());
  }

  /** Bytes, at most {@code maxLength} of them. */
  public static LogicalType binary(int maxLength) {
    if (maxLength != UNBOUNDED && maxLength <= 0) {
      throw new IllegalArgumentException("binary length must be positive: " + maxLength);
    }
    return maxLength == UNBOUNDED ? BINARY : new LogicalType(TypeId.BINARY, 0, 0, maxLength, List.of());
  }

  /** An exact decimal of {@code precision} digits, {@code scale} of them after the point. */
  public static LogicalType decimal(int precision, int scale) {
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
      throw new IllegalArgumentException("invalid decimal(" + precision + "," + scale + ")");
    }
    return new LogicalType(TypeId.DECIMAL, precision, scale, UNBOUNDED, List.of());
  }

  public static LogicalType time(int precision) {
    return new LogicalType(TypeId.TIME, checkTimePrecision(precision), 0, UNBOUNDED, List.of());
  }

  /** A date and time without zone, {@code precision} fractional-second digits (0 to 9). */
  public static LogicalType timestamp(int precision) {
    return new LogicalType(TypeId.TIMESTAMP, checkTimePrecision(precision), 0, UNBOUNDED, List.of());
  }

  /** An instant, {@code precision} fractional-second digits (0 to 9). */
  public static LogicalType timestampTz(int precision) {
    return new LogicalType(TypeId.TIMESTAMP_TZ, checkTimePrecision(precision), 0, UNBOUNDED, List.of());
  }

  public static LogicalType list(LogicalType element) {
    return new LogicalType(TypeId.LIST, 0, 0, UNBOUNDED, List.of(Field.of("element", element)));
  }

  public static LogicalType map(LogicalType key, LogicalType value) {
    return new LogicalType(TypeId.MAP, 0, 0, UNBOUNDED, List.of(Field.of("key", key), Field.of("value", value)));
  }

  public static LogicalType struct(List<Field> fields) {
    return new LogicalType(TypeId.STRUCT, 0, 0, UNBOUNDED, fields);
  }

  private static int checkTimePrecision(int precision) {
    if (precision < 0 || precision > MAX_TIME_PRECISION) {
      throw new IllegalArgumentException("fractional-second precision must be 0 to 9: " + precision);
    }
    return precision;
  }

  /**
   * Parses the form {@link #toString()} writes for non-nested types: {@code INT64}, {@code DECIMAL(38,9)},
   * {@code TIMESTAMP(6)}, {@code STRING(20)}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the text when it is not a type
   */
  public static LogicalType parse(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    int open = t.indexOf('(');
    String name = open < 0 ? t : t.substring(0, open).trim();
    int[] args = new int[0];
    if (open >= 0) {
      if (!t.endsWith(")")) {
        throw new IllegalArgumentException("not a logical type: " + text);
      }
      String[] parts = t.substring(open + 1, t.length() - 1).split(",");
      args = new int[parts.length];
      for (int i = 0; i < parts.length; i++) {
        try {
          args[i] = Integer.parseInt(parts[i].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a logical type: " + text);
        }
      }
    }
    TypeId id;
    try {
      id = TypeId.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a logical type: " + text);
    }
    switch (id) {
      case DECIMAL:
        if (args.length != 2) {
          throw new IllegalArgumentException("DECIMAL needs precision and scale: " + text);
        }
        return decimal(args[0], args[1]);
      case TIME: return time(args.length == 0 ? DEFAULT_TIME_PRECISION : args[0]);
      case TIMESTAMP: return timestamp(args.length == 0 ? DEFAULT_TIME_PRECISION : args[0]);
      case TIMESTAMP_TZ: return timestampTz(args.length == 0 ? DEFAULT_TIME_PRECISION : args[0]);
      case STRING: return args.length == 0 ? STRING : string(args[0]);
      case BINARY: return args.length == 0 ? BINARY : binary(args[0]);
      case LIST: case MAP: case STRUCT:
        throw new IllegalArgumentException("nested types cannot be parsed from text: " + text);
      default:
        if (args.length != 0) {
          throw new IllegalArgumentException(id + " takes no parameters: " + text);
        }
        return new LogicalType(id, 0, 0, UNBOUNDED, List.of());
    }
  }

  public TypeId id() { return id; }

  /** Decimal digits for DECIMAL, fractional-second digits for TIME and TIMESTAMP types, 0 otherwise. */
  public int precision() { return precision; }

  /** Digits after the decimal point for DECIMAL, 0 otherwise. */
  public int scale() { return scale; }

  /** Maximum length of STRING or BINARY, or {@link #UNBOUNDED}. */
  public int length() { return length; }

  /** Element field of a LIST, key and value fields of a MAP, fields of a STRUCT; empty otherwise. */
  public List<Field> children() { return children; }

  /** True for the integer types INT8 to INT64. */
  public boolean isInteger() {
    return id == TypeId.INT8 || id == TypeId.INT16 || id == TypeId.INT32 || id == TypeId.INT64;
  }

  /** True for TIMESTAMP and TIMESTAMP_TZ. */
  public boolean isTimestamp() {
    return id == TypeId.TIMESTAMP || id == TypeId.TIMESTAMP_TZ;
  }

  /** True for LIST, MAP and STRUCT. */
  public boolean isNested() {
    return id == TypeId.LIST || id == TypeId.MAP || id == TypeId.STRUCT;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogicalType t && t.id == id && t.precision == precision && t.scale == scale
        && t.length == length && t.children.equals(children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, precision, scale, length, children);
  }

  /** A SQL-like rendering, e.g. {@code DECIMAL(38,9)}, {@code TIMESTAMP(6)}, {@code LIST<INT32>}. */
  @Override
  public String toString() {
    switch (id) {
      case DECIMAL: return "DECIMAL(" + precision + "," + scale + ")";
      case TIME: case TIMESTAMP: case TIMESTAMP_TZ: return id + "(" + precision + ")";
      case STRING: case BINARY: return length == UNBOUNDED ? id.name() : id + "(" + length + ")";
      case LIST: return "LIST<" + children.get(0).type() + ">";
      case MAP: return "MAP<" + children.get(0).type() + "," + children.get(1).type() + ">";
      case STRUCT: {
        StringBuilder sb = new StringBuilder("STRUCT<");
        for (int i = 0; i < children.size(); i++) {
          sb.append(i == 0 ? "" : ",").append(children.get(i).name()).append(' ').append(children.get(i).type());
        }
        return sb.append('>').toString();
      }
      default: return id.name();
    }
  }
}
