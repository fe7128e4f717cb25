package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SqlServerConnectorProviderTest {

  private static ConnectorProvider provider() {
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class)) {
      if (p.type().equals("sqlserver")) {
        return p;
      }
    }
    throw new AssertionError("sqlserver provider not found through ServiceLoader");
  }

  private static ConnectorOptions options(Map<String, String> values) {
    return ConnectorOptions.of("sqlserver", values, provider().sensitiveOptions());
  }

  @Test
  void foundThroughServiceLoaderFromAMinimalConfig() {
    ConnectorProvider p = provider();
    ConnectorOptions o = options(Map.of("url", "jdbc:sqlserver://db:1433;databaseName=shop"));
    p.validateOptions(o, ConnectorRole.SOURCE);
    SqlServerOptions so = SqlServerOptions.from(o);
    assertThat(so.encrypt()).isEqualTo("true");
    assertThat(so.trustServerCertificate()).isFalse();
    assertThat(so.flavor()).isEqualTo(SqlServerFlavor.SQLSERVER);
    assertThat(so.schema()).isEqualTo("dbo");
    assertThat(so.location()).isEqualTo("db:1433/shop");
    assertThat(so.driverProperties()).containsEntry("encrypt", "true").containsEntry("trustServerCertificate", "false")
        .containsEntry("responseBuffering", "adaptive");
    assertThat(p.sensitiveOptions()).contains("password", "azure.sasToken", "azure.accountKey", "azure.clientSecret");
  }

  @Test
  void typedBuilderProducesTheSameOptions() {
    ConnectorSpec spec = SqlServerConnection.builder().url("jdbc:sqlserver://h;databaseName=d").user("app")
        .password("s3cret").authentication("ActiveDirectoryServicePrincipal").trustServerCertificate()
        .flavor(SqlServerFlavor.FABRIC_WAREHOUSE).fabricStagingLocation("abfss://c@a.dfs.core.windows.net/p")
        .azureOption("azure.sasToken", "sv=1&sig=zzz").batchSize(5000).tableLock().build();
    assertThat(spec.type()).isEqualTo("sqlserver");
    SqlServerOptions o = SqlServerOptions.from(options(spec.options()));
    assertThat(o.flavor()).isEqualTo(SqlServerFlavor.FABRIC_WAREHOUSE);
    assertThat(o.authentication()).contains("ActiveDirectoryServicePrincipal");
    assertThat(o.driverProperties()).containsEntry("authentication", "ActiveDirectoryServicePrincipal")
        .containsEntry("trustServerCertificate", "true");
    assertThat(o.batchSize()).isEqualTo(5000);
    assertThat(o.tableLock()).isTrue();
    assertThat(o.identityInsert()).isTrue();
    assertThat(o.azureOptions()).containsEntry("azure.sasToken", "sv=1&sig=zzz");
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> SqlServerOptions.from(options(Map.of("url", "jdbc:postgresql://x/y"))))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
        .hasMessageContaining("'url'");
    assertThatThrownBy(() -> SqlServerOptions.from(options(Map.of("url", "jdbc:sqlserver://h", "flavor", "oracle"))))
        .hasMessageContaining("sqlserver, azure-sql, rds, fabric-warehouse");
    assertThatThrownBy(() -> SqlServerOptions.from(options(Map.of("url", "jdbc:sqlserver://h", "flavor", "fabric-warehouse"))))
        .hasMessageContaining("fabric.stagingLocation");
    assertThatThrownBy(() -> SqlServerOptions.from(options(Map.of("url", "jdbc:sqlserver://h", "authentication", "Kerberos"))))
        .hasMessageContaining("authentication");
    assertThatThrownBy(() -> SqlServerOptions.from(options(Map.of("url", "jdbc:sqlserver://h", "bogus", "1"))))
        .hasMessageContaining("'bogus' of the sqlserver connector is unknown");
  }

  @Test
  void secretsNeverShow() {
    Map<String, String> v = new HashMap<>();
    v.put("url", "jdbc:sqlserver://h:1433;databaseName=d;password={p;w}}d}");
    v.put("password", "hunter2");
    v.put("azure.sasToken", "sv=2024&sig=SECRETSIG");
    v.put("flavor", "fabric-warehouse");
    v.put("fabric.stagingLocation", "abfss://c@a.dfs.core.windows.net/p");
    ConnectorOptions o = options(v);
    assertThat(o.toString()).doesNotContain("hunter2").doesNotContain("SECRETSIG").doesNotContain("p;w}d");
    SqlServerOptions so = SqlServerOptions.from(o);
    String msg = "login failed hunter2 with p;w}d and token sv=2024&sig=SECRETSIG in "
        + FabricSql.copyInto("[t]", java.util.List.of("a"), so.stagingLocation().get(), "r", so.azureOptions());
    assertThat(so.redactor().scrub(msg)).doesNotContain("hunter2").doesNotContain("SECRETSIG").doesNotContain("p;w}d");
    assertThat(so.location()).isEqualTo("h:1433/d");
    java.sql.SQLException e = new java.sql.SQLException("Login failed for user 'u' password hunter2", "S0001", 18456);
    CopyJobException cj = new SqlServerErrors(so).translate(e, "connecting", null);
    assertThat(cj.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(cj.getMessage()).doesNotContain("hunter2").contains("h:1433/d");
  }

  @Test
  void errorNumbersMapToCodes() {
    SqlServerDialect d = SqlServerDialect.INSTANCE;
    assertThat(d.errorCode(new java.sql.SQLException("dup", "23000", 2627))).isEqualTo(ErrorCode.ROW_REJECTED);
    assertThat(d.errorCode(new java.sql.SQLException("trunc", "22001", 2628))).isEqualTo(ErrorCode.CONVERSION_FAILED);
    assertThat(d.errorCode(new java.sql.SQLException("obj", "S0002", 208))).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
    assertThat(d.errorCode(new java.sql.SQLException("io", "08S01", 0))).isEqualTo(ErrorCode.CONNECTION_FAILED);
  }
}
