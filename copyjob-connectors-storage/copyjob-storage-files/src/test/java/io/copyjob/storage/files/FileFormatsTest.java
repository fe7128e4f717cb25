package io.copyjob.storage.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.internal.ConnectorRegistry;
import io.copyjob.spi.ConnectorProvider;
import io.copyjob.spi.ConnectorRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Format lookup without any format provider on the class path (ORC lives in copyjob-storage-orc). */
class FileFormatsTest {
  private final ConnectorProvider files = ConnectorRegistry.find("files");

  private FilesOptions options() {
    return FilesOptions.parse(ConnectorSpec.of("files", Map.of("location", "lake")).toOptions(files),
        ConnectorRole.SOURCE);
  }

  @Test
  void onlyTheBuiltInFormatsAreKnown() {
    assertThat(FileFormats.names()).containsExactly("csv", "jsonl", "parquet");
    assertThat(FileFormats.forFile("part-0.parquet", options())).hasValueSatisfying(
        f -> assertThat(f.name()).isEqualTo("parquet"));
    assertThat(FileFormats.forFile("part-0.orc", options())).isEmpty();
  }

  @Test
  void anUnknownFormatListsTheFormatsOnTheClassPathAndSaysWhereOrcLives() {
    assertThatThrownBy(() -> files.validateOptions(ConnectorSpec.of("files", Map.of("location", "lake", "format",
        "orc")).toOptions(files), ConnectorRole.SOURCE))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
          assertThat(e.getMessage()).contains("'format'").contains("csv, jsonl, parquet")
              .contains("copyjob-storage-orc");
        });
    assertThatThrownBy(() -> FileFormats.byName("avro", options()))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.getMessage())
            .contains("csv, jsonl, parquet, got 'avro'").doesNotContain("orc"));
  }
}
