/**
 * The {@code postgresql} connector. {@code PostgresDatabase} says how PostgreSQL reads and writes a table; the
 * lifecycle (connections, catalog, read session, write transaction) is copyjob-sql-jdbc's, shared with SQL Server.
 *
 * <p>Reading: a {@link io.copyjob.spi.ReadSession} is a REPEATABLE READ transaction whose snapshot is exported;
 * each split reader imports it and streams {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} straight into
 * column vectors. Splits are ranges of a single-column integer primary key.
 *
 * <p>Writing: one transaction per table on one connection; binary {@code COPY FROM STDIN} encoded into each
 * destination column's own type (text COPY when a column needs PostgreSQL's parser), or batched INSERT; upsert
 * through a temporary staging table and {@code INSERT ... ON CONFLICT}; overwrite with TRUNCATE in the same
 * transaction. Type decisions are in {@link io.copyjob.sql.postgresql.PostgresTypeMapping}; options in
 * {@link io.copyjob.sql.postgresql.PostgresOptions}.
 */
package io.copyjob.sql.postgresql;
