/**
 * T-SQL's {@code COPY INTO} over copyjob: {@link io.copyjob.storage.files.copyinto.CopyInto} loads files from any
 * file store into a table of any destination connector, built in code or parsed from the statement's text, with
 * the statement's options and defaults, rejected rows up to MAXERRORS and an ERRORFILE
 * ({@link io.copyjob.storage.files.copyinto.ErrorFileLog}).
 */
package io.copyjob.storage.files.copyinto;
