package io.copyjob.testkit.conformance;

/**
 * The portable set of column types the conformance suite declares in every database. A
 * {@link ConformanceDatabase} names each one in its own SQL ({@link ConformanceDatabase#sqlType(PortableType)}) and
 * says which logical type its connector reads it as ({@link ConformanceDatabase#logicalType(PortableType)}).
 */
public enum PortableType {
  /** 64-bit integer ({@code bigint}). */
  BIGINT,
  /** 32-bit integer ({@code integer}, {@code int}). */
  INTEGER,
  /** {@code decimal(38,9)} / {@code numeric(38,9)}. */
  DECIMAL,
  /** Unicode text of at most {@value #VARCHAR_LENGTH} characters ({@code varchar(100)}, {@code nvarchar(100)}). */
  VARCHAR,
  /** Unbounded Unicode text ({@code text}, {@code nvarchar(max)}). */
  TEXT,
  /** Date and time without zone at the database's finest precision (6 or 7 fractional digits). */
  TIMESTAMP,
  /** An instant: date and time with zone or offset ({@code timestamptz}, {@code datetimeoffset}). */
  TIMESTAMP_TZ,
  /** A calendar date, 0001-01-01 to 9999-12-31. */
  DATE,
  /** {@code boolean} / {@code bit}. */
  BOOLEAN,
  /** Unbounded bytes ({@code bytea}, {@code varbinary(max)}). */
  BINARY,
  /** A UUID: native ({@code uuid}, {@code uniqueidentifier}) or, without {@link ConformanceDatabase.Capability#NATIVE_UUID}, 36 characters of text. */
  UUID;

  /** The length of {@link #VARCHAR} columns. */
  public static final int VARCHAR_LENGTH = 100;
}
