package io.copyjob.sql.jdbc;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;

/**
 * A column of a table as a database's catalog describes it. Each connector implements it with the database's own
 * type description; the shared machinery needs only the name, the copyjob field and a type name for messages.
 */
public interface JdbcColumn {

  /** The column's name, exactly as the catalog has it. */
  String name();

  /** The column as a copyjob field: the logical type of the connector's type mapping, and its nullability. */
  Field field();

  /** The column's declared type, e.g. {@code numeric(10,2)} or {@code nvarchar(20)}, for messages. */
  String typeName();

  /**
   * Whether the database generates the column's values (an identity column), which loaders may leave to it
   * (COPY INTO's IDENTITY_INSERT OFF). False unless the connector says.
   */
  default boolean identity() {
    return false;
  }

  /** The logical type of {@link #field()}. */
  default LogicalType logicalType() {
    return field().type();
  }
}
