/**
 * Job definitions: a {@link io.copyjob.CopyJob} saved as JSON and loaded back into an equal job, with secrets as
 * references. {@link io.copyjob.core.definition.JobDefinitions} saves and loads jobs;
 * {@link io.copyjob.core.definition.JobDefinition} is the JSON layer below {@code build()} (no connector needed);
 * {@link io.copyjob.core.definition.SecretReferences} resolves {@code ${env:NAME}} and {@code ${secret:NAME}}.
 *
 * <h2>Format (version 1)</h2>
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "name": "orders-to-lake",
 *   "source": {
 *     "type": "postgresql",
 *     "options": {
 *       "url": "jdbc:postgresql://db.example.com:5432/shop",
 *       "user": "copy",
 *       "password": "${secret:shop-db-password}"
 *     }
 *   },
 *   "destination": {
 *     "type": "files",
 *     "options": {
 *       "location": "s3://lake/raw",
 *       "format": "parquet",
 *       "s3.region": "eu-west-1",
 *       "s3.accessKeyId": "${env:AWS_ACCESS_KEY_ID}",
 *       "s3.secretAccessKey": "${env:AWS_SECRET_ACCESS_KEY}"
 *     }
 *   },
 *   "tables": [
 *     {
 *       "selector": "public.orders",
 *       "targetName": "orders",
 *       "columns": ["id", "customer", "amount", "updated_at"],
 *       "columnRenames": {"customer": "customer_name"},
 *       "conversions": {"amount": "DECIMAL(12,2)"},
 *       "mode": "incremental",
 *       "incrementalColumn": "updated_at",
 *       "write": "upsert",
 *       "keys": ["id"],
 *       "creation": "createIfAbsent"
 *     },
 *     {
 *       "selector": "public.customer_*",
 *       "excludedColumns": ["notes"],
 *       "mode": "full",
 *       "write": "overwrite",
 *       "creation": "mustExist"
 *     }
 *   ],
 *   "parallelism": 4,
 *   "batchRows": 8192
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code formatVersion} (required): 1. A definition of another version is refused with a message saying
 *       which version this release reads.</li>
 *   <li>{@code name}, {@code source}, {@code destination}, {@code tables} (required): the connector {@code type}
 *       is the name its provider registers ({@code postgresql}, {@code sqlserver}, {@code files}, {@code delta},
 *       ...); {@code options} are the connector's options, as documented by its options class, as text (numbers
 *       and booleans are read as their text).</li>
 *   <li>Per table: {@code selector} (required; a name or a pattern), {@code targetName}, {@code columns},
 *       {@code excludedColumns}, {@code columnRenames} (source to destination name), {@code conversions} (source
 *       column to a {@link io.copyjob.data.LogicalType} in its text form), {@code mode} ({@code full}, the
 *       default, or {@code incremental} with {@code incrementalColumn}), {@code write} ({@code append}, the
 *       default, {@code upsert} with optional {@code keys}, or {@code overwrite}), {@code creation}
 *       ({@code createIfAbsent}, the default, or {@code mustExist}), and at most one of {@code maxRejectedRows}
 *       (a whole number) and {@code maxRejectedPercent} (0 to 100): the table's {@link io.copyjob.RejectPolicy};
 *       without either, the first row that cannot be loaded fails the table. A policy's rejected-rows log is
 *       code, not data: a job with one cannot be saved.</li>
 *   <li>{@code parallelism} and {@code batchRows}: optional whole numbers.</li>
 * </ul>
 *
 * <p>Saving writes the fields in the order above, leaves out empty lists and maps, and writes {@code mode},
 * {@code write}, {@code creation}, {@code parallelism} and {@code batchRows} always. Unknown fields are errors.
 * Runtime wiring (watermark store, run history store, secret resolver, listeners) is not part of a definition:
 * pass it to {@link io.copyjob.core.definition.JobDefinitions#load(String, java.util.function.Consumer)}.
 *
 * <h2>Secrets</h2>
 *
 * <p>An option value may be, or contain, a reference: {@code ${env:NAME}} (an environment variable) or
 * {@code ${secret:NAME}} (looked up by the job's {@link io.copyjob.SecretResolver}, set with
 * {@link io.copyjob.CopyJob.Builder#secretResolver(io.copyjob.SecretResolver)}). References stay in the job as
 * text and are resolved only when a run or {@code validate()} opens a connector; resolved secrets are removed
 * from every message of the run. A reference that cannot be resolved fails the run with
 * {@link io.copyjob.ErrorCode#INVALID_OPTION} naming the option and the reference. {@code build()} cannot check
 * the value of an option that holds a reference: the connector checks it when the run resolves it. Saving a job whose sensitive
 * option (declared by the connector, or whose key names a password, secret, key, token or credential) holds a
 * value instead of a reference fails: a definition never contains a secret.
 *
 * <h2>Errors</h2>
 *
 * <p>Every problem of a definition is a {@link io.copyjob.CopyJobException} of kind USER_CONFIG whose message
 * starts with the JSON path of the problem and says what was expected, e.g.
 * {@code $.tables[1].mode: expected one of full, incremental, got "sometimes"}. Errors of connector options,
 * found by {@code build()}, name the connector: {@code $.source.options: option 'url' of ...}.
 */
package io.copyjob.core.definition;
