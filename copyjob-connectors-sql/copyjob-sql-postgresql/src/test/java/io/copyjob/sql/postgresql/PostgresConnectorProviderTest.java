package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.SourceConnector;
import io.copyjob.spi.WriteStrategy;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostgresConnectorProviderTest {

  private static ConnectorOptions options(Map<String, String> values) {
    return ConnectorSpec.of("postgresql", values).toOptions(new PostgresConnectorProvider());
  }

  @Test
  void serviceLoaderFindsTheProviderAndItAcceptsMinimalOptions() {
    assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::type))
        .contains(PostgresConnectorProvider.class);
    ConnectorProvider p = ConnectorRegistry.find("postgresql");
    assertThat(p.sensitiveOptions()).containsExactly("password");
    assertThat(p.supportedWriteStrategies()).isEqualTo(Set.of(WriteStrategy.Kind.APPEND, WriteStrategy.Kind.UPSERT,
        WriteStrategy.Kind.OVERWRITE));
    ConnectorOptions minimal = options(Map.of("url", "jdbc:postgresql://localhost:1/db"));
    p.validateOptions(minimal, ConnectorRole.SOURCE);
    // creating a connector does not connect
    try (SourceConnector s = p.createSource(minimal)) {
      assertThat(s).isNotNull();
    }
    p.createSink(minimal).close();
  }

  @Test
  void validationNamesTheWrongOptionWithoutConnecting() {
    PostgresConnectorProvider p = new PostgresConnectorProvider();
    assertThatThrownBy(() -> p.validateOptions(options(Map.of()), ConnectorRole.SOURCE))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("'url'")
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION));
    assertThatThrownBy(() -> p.validateOptions(options(Map.of("url", "jdbc:mysql://h/db")), ConnectorRole.SINK))
        .hasMessageContaining("jdbc:postgresql:");
    assertThatThrownBy(() -> p.validateOptions(options(Map.of("url", "jdbc:postgresql://h/db", "writeMethod", "bcp")),
        ConnectorRole.SINK)).hasMessageContaining("copy, insert");
    assertThatThrownBy(() -> p.validateOptions(options(Map.of("url", "jdbc:postgresql://h/db", "insertBatchSize", "0")),
        ConnectorRole.SINK)).hasMessageContaining("insertBatchSize");
    assertThatThrownBy(() -> p.validateOptions(options(Map.of("url", "jdbc:postgresql://h/db", "pasword", "x")),
        ConnectorRole.SINK)).hasMessageContaining("'pasword'").hasMessageNotContaining("=x");
  }

  @Test
  void typedBuilderProducesTheSameOptions() {
    ConnectorSpec spec = PostgresConnection.builder().url("jdbc:postgresql://h:5432/db").user("app").password("pw")
        .writeMethod(WriteMethod.INSERT).insertBatchSize(500).fetchSize(100).schema("sales")
        .driverProperty("sslmode", "disable").build();
    assertThat(spec.type()).isEqualTo("postgresql");
    assertThat(spec.options()).containsEntry("url", "jdbc:postgresql://h:5432/db").containsEntry("user", "app")
        .containsEntry("password", "pw").containsEntry("writeMethod", "insert").containsEntry("insertBatchSize", "500")
        .containsEntry("fetchSize", "100").containsEntry("schema", "sales").containsEntry("property.sslmode", "disable");
    assertThat(spec.toString()).doesNotContain("pw").contains("password=****");
    PostgresOptions o = PostgresOptions.from(spec.toOptions(new PostgresConnectorProvider()));
    assertThat(o.writeMethod()).isEqualTo(WriteMethod.INSERT);
    assertThat(o.driverProperties()).containsEntry("sslmode", "disable").containsEntry("reWriteBatchedInserts", "true");
    assertThat(PostgresConnection.of("jdbc:postgresql://h/db", "u", "p").options()).hasSize(3);
  }

  @Test
  void redactsPasswordsFromOptionsAndUrl() {
    PostgresOptions o = PostgresOptions.from(options(Map.of("url", "jdbc:postgresql://h/db?password=inurl", "password", "opt")));
    assertThat(o.redactor().scrub("x opt y inurl z")).isEqualTo("x **** y **** z");
    assertThat(o.location()).isEqualTo("h/db");
  }
}
