package io.copyjob.data;

import java.util.Objects;

/** A named, typed column of a {@link Schema}. Immutable. */
public final class Field {
  private final String name;
  private final LogicalType type;
  private final boolean nullable;

  private Field(String name, LogicalType type, boolean nullable) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.nullable = nullable;
  }

  /** A nullable field. */
  public static Field of(String name, LogicalType type) {
    return new Field(name, type, true);
  }

  /** A field that never holds NULL. */
  public static Field required(String name, LogicalType type) {
    return new Field(name, type, false);
  }

  public String name() { return name; }
  public LogicalType type() { return type; }
  public boolean nullable() { return nullable; }

  /** This field under another name. */
  public Field withName(String newName) {
    return new Field(newName, type, nullable);
  }

  /** This field with another type. */
  public Field withType(LogicalType newType) {
    return new Field(name, newType, nullable);
  }

  /** This field, nullable. */
  public Field asNullable() {
    return nullable ? this : new Field(name, type, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Field f && f.name.equals(name) && f.type.equals(type) && f.nullable == nullable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, nullable);
  }

  @Override
  public String toString() {
    return name + " " + type + (nullable ? "" : " NOT NULL");
  }
}
