package io.copyjob.storage.delta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.ConnectorOptions;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import io.copyjob.spi.WriteStrategy;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DeltaConnectorProviderTest {

  private static ConnectorProvider delta() {
    return ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.type().equals("delta")).findFirst().orElseThrow();
  }

  @Test
  void isFoundThroughServiceLoaderAndAcceptsAMinimalConfig() {
    ConnectorProvider p = delta();
    assertThat(p).isInstanceOf(DeltaConnectorProvider.class);
    assertThat(p.supportedWriteStrategies()).containsExactlyInAnyOrder(WriteStrategy.Kind.APPEND,
        WriteStrategy.Kind.OVERWRITE, WriteStrategy.Kind.UPSERT);
    p.validateOptions(ConnectorOptions.of("delta", Map.of("location", "/tmp/lake"), Set()), ConnectorRole.SINK);
    // The S3 store is on the test class path: its secret is the connector's secret too.
    assertThat(p.sensitiveOptions()).contains("s3.secretAccessKey", "azure.accountKey");
  }

  @Test
  void rejectsAMissingLocationAMisspeltOptionAndABadSize() {
    ConnectorProvider p = delta();
    assertThatThrownBy(() -> p.validateOptions(ConnectorOptions.of("delta", Map.of(), Set()), ConnectorRole.SOURCE))
        .isInstanceOf(CopyJobException.class).hasMessageContaining("'location'")
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION));
    assertThatThrownBy(() -> p.validateOptions(ConnectorOptions.of("delta",
        Map.of("location", "/tmp/lake", "compresion", "zstd"), Set()), ConnectorRole.SINK))
        .hasMessageContaining("'compresion'").hasMessageContaining("compression");
    assertThatThrownBy(() -> p.validateOptions(ConnectorOptions.of("delta",
        Map.of("location", "/tmp/lake", "targetFileSize", "big"), Set()), ConnectorRole.SINK))
        .hasMessageContaining("'targetFileSize'");
  }

  @Test
  void readsSizesWithBinarySuffixes() {
    DeltaOptions o = DeltaOptions.parse(ConnectorOptions.of("delta",
        Map.of("location", "/tmp/lake", "targetFileSize", "64MiB", "version", "3"), Set()));
    assertThat(o.targetFileSize()).isEqualTo(64L << 20);
    assertThat(o.version()).hasValue(3);
  }

  private static java.util.Set<String> Set() {
    return java.util.Set.of();
  }
}
