/**
 * Azure file stores for the {@code files} connector: {@link io.copyjob.storage.azure.BlobFileStore} for Azure Blob
 * Storage and {@link io.copyjob.storage.azure.AdlsFileStore} for Azure Data Lake Storage Gen2, opened by
 * {@link io.copyjob.storage.azure.AzureFileStoreProvider} from the location's URI:
 *
 * <ul>
 *   <li>{@code https://<account>.blob.core.windows.net/<container>/<path>}: Blob</li>
 *   <li>{@code https://<account>.dfs.core.windows.net/<container>/<path>}: ADLS Gen2</li>
 *   <li>{@code abfss://<container>@<account>.dfs.core.windows.net/<path>}: ADLS Gen2</li>
 * </ul>
 *
 * <p>Options (credentials, endpoint override, block size, ...) are in {@link io.copyjob.storage.azure.AzureOptions};
 * {@link io.copyjob.storage.azure.AzureLocation} builds a job's source or destination in code. Nothing is visible
 * before commit: a blob is a block list committed in one step, an ADLS file a hidden temporary file renamed into
 * place.
 *
 * <p>The Azure SDK talks HTTP through the JDK's {@code java.net.http} client (azure-core-http-jdk-httpclient), not
 * netty. That client logs a warning on each upload that it leaves the {@code Content-Length} header to the JDK,
 * which sets it itself: harmless; set the logger {@code com.azure.core.http.jdk.httpclient} to {@code ERROR} to
 * silence it.
 */
package io.copyjob.storage.azure;
