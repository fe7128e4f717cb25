/**
 * The {@code sqlserver} connector: SQL Server, Azure SQL Database, Amazon RDS for SQL Server and Fabric Warehouse
 * (one code base; the {@code flavor} option picks the bulk path).
 *
 * <ul>
 *   <li>{@link io.copyjob.sql.sqlserver.SqlServerConnectorProvider} (found through {@code ServiceLoader}),
 *       {@link io.copyjob.sql.sqlserver.SqlServerOptions} and the typed builder
 *       {@link io.copyjob.sql.sqlserver.SqlServerConnection}.</li>
 *   <li>{@link io.copyjob.sql.sqlserver.SqlServerDialect} (the shared {@code Dialect} SPI: {@code [bracket]} quoting,
 *       literals, error numbers) and {@link io.copyjob.sql.sqlserver.SqlServerTypeMapping}, the one type mapping.</li>
 *   <li>{@link io.copyjob.sql.sqlserver.SqlServerSql} and {@link io.copyjob.sql.sqlserver.FabricSql}: every
 *       statement the connector issues, as text, unit-tested without a server.</li>
 *   <li>{@code SqlServerDatabase}: how this database reads and writes a table; the lifecycle (connections,
 *       catalog, read session, write transaction) is copyjob-sql-jdbc's, shared with PostgreSQL.</li>
 *   <li>Source: {@code SqlServerCatalog} ({@code sys.*}), {@code SqlServerReadSession} (key-range splits, watermark
 *       bounds, rowversion capped below {@code MIN_ACTIVE_ROWVERSION()}), {@code ResultSetReader} (streaming).</li>
 *   <li>Sink: {@code SqlServerWriteTransaction} ({@code SQLServerBulkCopy} from
 *       {@link io.copyjob.sql.sqlserver.BatchBulkData}, {@code #temp} with each row's ordinal + {@code MERGE} of the last row per key, {@code DELETE} + load, all in
 *       one transaction) and, for Fabric, {@code FabricWriteTransaction} with {@code FabricStaging} (Parquet files
 *       staged through copyjob-storage-files, then {@code COPY INTO}).</li>
 * </ul>
 */
package io.copyjob.sql.sqlserver;
