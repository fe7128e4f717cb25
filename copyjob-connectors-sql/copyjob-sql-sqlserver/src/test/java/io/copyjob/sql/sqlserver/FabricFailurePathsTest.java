package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import io.copyjob.storage.files.store.FileStores;
import io.copyjob.storage.files.store.PendingFile;
import io.copyjob.storage.files.store.RandomAccessInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Fabric Warehouse sink leaves behind when things fail: no open staging store, no secret in any text. */
class FabricFailurePathsTest {
  /** A secret with a quote (doubled in a T-SQL literal), a space and a semicolon (which end a URL parameter). */
  private static final String SECRET = "Qx7'Zz9 Wv3;Kp5";
  private static final List<String> PIECES = List.of("Qx7", "Zz9", "Wv3", "Kp5");

  @TempDir
  Path dir;

  private SqlServerOptions options(String url, Map<String, String> azure) {
    Map<String, String> values = new HashMap<>(azure);
    values.put("url", url);
    values.put("flavor", "fabric-warehouse");
    values.put("fabric.stagingLocation", dir.toUri().toString());
    return SqlServerOptions.from(ConnectorOptions.of("sqlserver", values,
        new SqlServerConnectorProvider().sensitiveOptions()));
  }

  @Test
  void aCredentialWithAQuoteIsRedactedWholeFromTheCopyIntoStatement() {
    List<Map<String, String>> credentials = List.of(Map.of("azure.accountKey", SECRET),
        Map.of("azure.sasToken", "?sv=2024-01-01&sig=" + SECRET),
        Map.of("azure.clientId", "app", "azure.tenantId", "tenant", "azure.clientSecret", SECRET));
    for (Map<String, String> azure : credentials) {
      SqlServerOptions o = options("jdbc:sqlserver://db;databaseName=w", azure);
      String sql = FabricSql.copyInto("[dbo].[t]", List.of("id"), dir.toUri().toString(), "r1", o.azureOptions());
      assertThat(sql).contains("Qx7''Zz9 Wv3;Kp5"); // the statement itself must carry the secret, quoted
      String scrubbed = o.redactor().scrub(sql);
      String redacted = FabricSql.redactedCopyInto("[dbo].[t]", List.of("id"), dir.toUri().toString(), "r1",
          o.azureOptions());
      for (String piece : PIECES) {
        assertThat(scrubbed).as("scrubbed statement for %s", azure.keySet()).doesNotContain(piece);
        assertThat(redacted).as("logged statement for %s", azure.keySet()).doesNotContain(piece);
      }
      assertThat(redacted).contains("SECRET = '****'").contains("FROM '" + dir.toUri().toString());
      // a server message quoting the doubled literal is scrubbed too
      assertThat(o.redactor().scrub("Incorrect syntax near 'Qx7''Zz9 Wv3;Kp5'.")).doesNotContain("Wv3", "Kp5", "Zz9");
    }
  }

  @Test
  void theStagingStoreIsClosedWhenTheWarehouseCannotBeReached() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free, then closed: connections are refused
    }
    SqlServerOptions o = options("jdbc:sqlserver://127.0.0.1:" + port + ";databaseName=w;loginTimeout=5",
        Map.of("azure.accountKey", SECRET));
    TrackingStore store = new TrackingStore(FileStores.open(dir.toUri().toString(), Map.of()));
    WriteRequest request = WriteRequest.of("job", "run1", DatasetId.of("t"),
        Schema.of(Field.required("id", LogicalType.int64())), WriteStrategy.append(), List.of(),
        TableCreation.CREATE_IF_ABSENT);
    FabricWriteTransaction tx = new FabricWriteTransaction(new SqlServerDatabase(o), request, store);

    assertThatThrownBy(tx::start).isInstanceOfSatisfying(CopyJobException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED));
    assertThat(store.closed).isEqualTo(1);
    tx.abort(); // the engine may abort again: nothing is closed twice
    assertThat(store.closed).isEqualTo(1);
  }

  /** A real local store that counts how often it was closed. */
  private static final class TrackingStore implements FileStore {
    private final FileStore delegate;
    int closed;

    TrackingStore(FileStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public URI location() { return delegate.location(); }

    @Override
    public List<FileInfo> list(String folder) throws IOException { return delegate.list(folder); }

    @Override
    public InputStream openRead(String path) throws IOException { return delegate.openRead(path); }

    @Override
    public RandomAccessInput openRandomAccess(String path) throws IOException { return delegate.openRandomAccess(path); }

    @Override
    public PendingFile create(String path) throws IOException { return delegate.create(path); }

    @Override
    public boolean delete(String path) throws IOException { return delegate.delete(path); }

    @Override
    public boolean exists(String path) throws IOException { return delegate.exists(path); }

    @Override
    public void close() {
      closed++;
      delegate.close();
    }
  }
}
