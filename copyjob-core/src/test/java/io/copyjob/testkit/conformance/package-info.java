/**
 * The connector conformance suite: abstract JUnit 5 ITs that every database connector runs through
 * {@code CopyJob.run()}, so that PostgreSQL, SQL Server and any later database behave the same way.
 *
 * <h2>What it checks</h2>
 *
 * <ul>
 *   <li>{@link io.copyjob.testkit.conformance.WriteBehaviourConformance}: full copies database to database with
 *       append, upsert on the primary key, upsert on explicit keys, the {@code NO_UPSERT_KEYS} error without
 *       either, overwrite, a parallel copy of 20,000 rows landing each exactly once; and a CHECK constraint broken by row 50,000 of 100,000 leaving the destination exactly
 *       as before and the watermark unsaved, for each write behaviour.
 *   <li>{@link io.copyjob.testkit.conformance.TypeRoundTripConformance}: the {@link
 *       io.copyjob.testkit.conformance.EdgeValues} (decimal(38,9) at its limits, timestamps at years 1 and 9999
 *       with every fractional digit, NULL next to the empty string, Unicode, quotes and newlines, empty bytes)
 *       copied database to database into a table the run creates with the mapped types, database to the test
 *       kit's {@code memory} connector (reading checked against a reference, values and logical types) and
 *       {@code memory} to database (writing checked against it).
 *   <li>{@link io.copyjob.testkit.conformance.IncrementalConformance}: on timestamp, timestamp-with-zone and
 *       integer columns, run 1 copies all, run 2 exactly the inserted and updated rows, run 3 nothing; the
 *       watermark is exact to the last digit; rows equal to it are neither lost nor doubled.
 * </ul>
 *
 * <h2>Running it for a connector</h2>
 *
 * <ol>
 *   <li>Depend on {@code copyjob-core} and its {@code test-jar} (test scope), as every connector module does.
 *   <li>Implement {@link io.copyjob.testkit.conformance.ConformanceDatabase} once: {@code newSandbox(prefix)}
 *       makes a fresh, empty database or schema and returns a {@link io.copyjob.testkit.conformance.Sandbox}
 *       with your connector's {@code ConnectorSpec} for it, its namespace ({@code public}, {@code dbo}) and a
 *       way to open JDBC connections; {@code sqlType} spells the {@link io.copyjob.testkit.conformance.PortableType}s;
 *       override {@code literal} where your literals differ (binary, booleans, {@code N'...'}),
 *       {@code timestampDigits} (7 for {@code datetime2(7)}), {@code capabilities}, {@code readValue} for vendor
 *       JDBC types, and {@code sinkVariants} to run every writing test once per write method.
 *   <li>Subclass each of the three classes in your module's test sources with a name ending in {@code IT}, so
 *       Failsafe runs them, returning your database from {@code database()}:
 *       <pre>{@code
 * class SqlServerWriteBehaviourIT extends WriteBehaviourConformance {
 *   @Override
 *   protected ConformanceDatabase database() {
 *     return SqlServerConformanceDatabase.INSTANCE;
 *   }
 * }
 * }</pre>
 *       Add an {@code @EnabledIf}/{@code @Testcontainers(disabledWithoutDocker = true)} on the subclass when the
 *       server may be missing. Add tests of what only your database does in the subclass or beside it.
 * </ol>
 *
 * <p>A failing conformance test is a connector bug or a documented difference: in the latter case, add a
 * capability to {@link io.copyjob.testkit.conformance.ConformanceDatabase.Capability} and make the suite
 * expect it, rather than overriding the test away. See {@code copyjob-sql-postgresql}'s {@code conformance}
 * package for a complete example.
 */
package io.copyjob.testkit.conformance;
