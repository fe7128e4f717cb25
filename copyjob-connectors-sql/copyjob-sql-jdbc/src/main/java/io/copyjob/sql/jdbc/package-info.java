/**
 * Machinery shared by the SQL connectors, so that each database adds only what differs:
 *
 * <ul>
 *   <li>The {@link io.copyjob.sql.jdbc.Dialect} SPI (quoting, DDL types, literals, SQLSTATEs) and generic statements
 *       ({@link io.copyjob.sql.jdbc.SqlStatements}, {@link io.copyjob.sql.jdbc.Sql}).</li>
 *   <li>The connector: {@link io.copyjob.sql.jdbc.JdbcConnectorProvider} makes a {@link io.copyjob.sql.jdbc.JdbcSource}
 *       and a {@link io.copyjob.sql.jdbc.JdbcSink} from the database's {@link io.copyjob.sql.jdbc.JdbcDatabase};
 *       {@link io.copyjob.sql.jdbc.JdbcConnections} opens connections, {@link io.copyjob.sql.jdbc.JdbcErrorTranslator}
 *       turns driver errors into scrubbed {@link io.copyjob.CopyJobException}s.</li>
 *   <li>Discovery: the {@link io.copyjob.sql.jdbc.JdbcCatalog} template runs a database's catalog queries into
 *       {@link io.copyjob.sql.jdbc.JdbcTable}s of its {@link io.copyjob.sql.jdbc.JdbcColumn}s.</li>
 *   <li>Reading: {@link io.copyjob.sql.jdbc.JdbcReadSession} (snapshot or bounds, incremental upper bound,
 *       {@link io.copyjob.sql.jdbc.WatermarkRange}, integer key-range {@link io.copyjob.sql.jdbc.JdbcSplit}s from
 *       {@link io.copyjob.sql.jdbc.KeyRangePlanner}).</li>
 *   <li>Writing: {@link io.copyjob.sql.jdbc.JdbcWriteTransaction} (create when absent, column checks, overwrite,
 *       {@link io.copyjob.sql.jdbc.UpsertKeys}, staging, commit once, abort on every failure path).</li>
 * </ul>
 *
 * <p>Nothing here is specific to one database; secrets are removed with {@link io.copyjob.spi.Redactor}.
 */
package io.copyjob.sql.jdbc;
