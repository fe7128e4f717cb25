package io.copyjob.sql.jdbc;

import io.copyjob.ErrorCode;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.Watermark;
import java.sql.SQLException;

/**
 * What differs between SQL databases for the shared JDBC machinery: quoting, DDL types, literals and error
 * codes. One implementation per database (PostgreSQL, SQL Server); the generic classes of this package
 * ({@link SqlStatements}, {@link KeyRangePlanner}, {@link WatermarkRange}) render SQL through it.
 */
public interface Dialect {

  /** The database's name for messages, e.g. {@code PostgreSQL}. */
  String name();

  /** Quotes one identifier so that any character, quotes included, is taken literally. */
  String quoteIdentifier(String identifier);

  /** The quoted, schema-qualified name of {@code id}; an id without namespace lands in {@code defaultNamespace}. */
  default String qualifiedName(DatasetId id, String defaultNamespace) {
    return quoteIdentifier(id.namespace().orElse(defaultNamespace)) + "." + quoteIdentifier(id.name());
  }

  /** The column type to declare in CREATE TABLE for values of {@code type}. */
  String columnType(LogicalType type);

  /**
   * {@code value} as a SQL literal of the watermark column's type, rendered losslessly (every fractional digit),
   * for statements that cannot take parameters (a COPY's query).
   */
  String literal(Watermark value);

  /** The copyjob error code for a driver error; the default reads the standard SQLSTATE classes. */
  default ErrorCode errorCode(SQLException e) {
    return SqlStates.errorCode(e.getSQLState());
  }
}
