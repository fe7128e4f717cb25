package io.copyjob.storage.orc;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.storage.files.format.FileFormatProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The files connector finds the ORC format through ServiceLoader, with no configuration. */
class OrcFormatProviderTest {

  @Test
  void serviceLoaderFindsTheOrcFormat() {
    FileFormatProvider provider = ServiceLoader.load(FileFormatProvider.class).stream()
        .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("orc")).findFirst().orElseThrow();

    assertThat(provider).isInstanceOf(OrcFormatProvider.class);
    assertThat(provider.extensions()).containsExactly("orc");
    assertThat(provider.create(null).name()).isEqualTo("orc");
  }
}
