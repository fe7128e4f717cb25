/**
 * Machinery shared by the SQL connectors: the {@link io.copyjob.sql.jdbc.Dialect} SPI (quoting, DDL types,
 * literals, SQLSTATEs), generic statements ({@link io.copyjob.sql.jdbc.SqlStatements}), integer key-range splits
 * ({@link io.copyjob.sql.jdbc.KeyRangePlanner}), incremental predicates ({@link io.copyjob.sql.jdbc.WatermarkRange})
 * and secret redaction ({@link io.copyjob.spi.Redactor}). Nothing here is specific to one database.
 */
package io.copyjob.sql.jdbc;
