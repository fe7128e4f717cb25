package io.copyjob.sql.postgresql;

import java.util.Objects;

/**
 * A PostgreSQL column type as the catalog gives it: the type's OID and name (of the base type, for a domain),
 * its modifier ({@code atttypmod}, -1 when none) and the SQL spelling ({@code format_type}) to use in casts and
 * DDL. Immutable.
 */
public final class PgType {
  /** OIDs of the built-in types we encode and decode; fixed since PostgreSQL 7. */
  public static final int BOOL = 16;
  public static final int BYTEA = 17;
  public static final int CHAR = 18;
  public static final int NAME = 19;
  public static final int INT8 = 20;
  public static final int INT2 = 21;
  public static final int INT4 = 23;
  public static final int TEXT = 25;
  public static final int JSON = 114;
  public static final int FLOAT4 = 700;
  public static final int FLOAT8 = 701;
  public static final int BPCHAR = 1042;
  public static final int VARCHAR = 1043;
  public static final int DATE = 1082;
  public static final int TIME = 1083;
  public static final int TIMESTAMP = 1114;
  public static final int TIMESTAMPTZ = 1184;
  public static final int NUMERIC = 1700;
  public static final int UUID = 2950;
  public static final int JSONB = 3802;

  private final int oid;
  private final String name;
  private final int typmod;
  private final String sqlName;
  private final String castName;

  private PgType(int oid, String name, int typmod, String sqlName, String castName) {
    this.oid = oid;
    this.name = Objects.requireNonNull(name, "name");
    this.typmod = typmod;
    this.sqlName = sqlName == null ? name : sqlName;
    this.castName = castName == null ? name : castName;
  }

  /** A type from the catalog: OID and name of the (base) type, modifier, and its SQL spellings with and without modifier. */
  public static PgType of(int oid, String name, int typmod, String sqlName, String castName) {
    return new PgType(oid, name, typmod, sqlName, castName);
  }

  /** A built-in type, e.g. {@code builtin(PgType.NUMERIC, "numeric", typmod)}, for tests. */
  public static PgType builtin(int oid, String name, int typmod) {
    return new PgType(oid, name, typmod, name, name);
  }

  /** A built-in type without modifier. */
  public static PgType builtin(int oid, String name) {
    return builtin(oid, name, -1);
  }

  public int oid() { return oid; }

  /** The type's name in pg_type, e.g. {@code int4}, {@code varchar}, {@code citext}. */
  public String name() { return name; }

  /** The type modifier, -1 when the column declares none. */
  public int typmod() { return typmod; }

  /** The SQL spelling with modifiers, e.g. {@code numeric(10,2)}, to use in casts. */
  public String sqlName() { return sqlName; }

  /**
   * The SQL spelling without modifier, e.g. {@code numeric}, for casts of parameters: a cast to
   * {@code numeric(10,2)} or {@code varchar(5)} would round or cut silently, while assigning to the column
   * checks the modifier.
   */
  public String castName() { return castName; }

  /** Characters of varchar(n) / char(n), or -1. */
  public int maxLength() {
    return (oid == VARCHAR || oid == BPCHAR) && typmod >= 4 ? typmod - 4 : -1;
  }

  /** Precision of numeric(p,s), or -1 when unconstrained. */
  public int numericPrecision() {
    return oid == NUMERIC && typmod >= 4 ? ((typmod - 4) >> 16) & 0xffff : -1;
  }

  /** Scale of numeric(p,s) (may be negative since PostgreSQL 15), or -1 when unconstrained. */
  public int numericScale() {
    if (oid != NUMERIC || typmod < 4) {
      return -1;
    }
    // the scale is an 11-bit signed field since PostgreSQL 15
    int raw = (typmod - 4) & 0x7ff;
    return raw > 1023 ? raw - 2048 : raw;
  }

  /** Fractional-second digits of time/timestamp(tz), 6 when undeclared. */
  public int timePrecision() {
    return typmod >= 0 ? typmod : 6;
  }

  /** True for the types whose binary form is UTF-8 text: text, varchar, char(n), name, citext. */
  public boolean isText() {
    return oid == TEXT || oid == VARCHAR || oid == BPCHAR || oid == NAME || "citext".equals(name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PgType t && t.oid == oid && t.typmod == typmod && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(oid, name, typmod);
  }

  @Override
  public String toString() {
    return sqlName;
  }
}
