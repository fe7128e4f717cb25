package io.copyjob.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.ErrorKind;
import io.copyjob.testkit.MemoryConnectorProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopyJobBuilderTest {
  private CopyJob.Builder valid() {
    return CopyJob.builder().name("j").source(MemoryConnectorProvider.spec("a"))
        .destination(MemoryConnectorProvider.spec("b")).table("s.t");
  }

  @Test
  void unknownConnectorListsTheKnownOnes() {
    assertThatThrownBy(() -> valid().source("oracle", Map.of()).build())
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONNECTOR);
          assertThat(e.kind()).isEqualTo(ErrorKind.USER_CONFIG);
          assertThat(e.getMessage()).contains("oracle", "known types:", "memory", "job j");
        });
  }

  @Test
  void missingOptionNamesTheOptionAndRole() {
    assertThatThrownBy(() -> valid().destination("memory", Map.of()).build())
        .hasMessageContaining("destination").hasMessageContaining("'store'").hasMessageContaining("memory");
  }

  @Test
  void rejectsInconsistentTables() {
    assertThatThrownBy(() -> valid().table("s.*", t -> t.renameTo("x")).build()).hasMessageContaining("pattern");
    assertThatThrownBy(() -> valid().table("s.u", t -> t.columns("a", "a")).build()).hasMessageContaining("twice");
    assertThatThrownBy(() -> valid().table("s.u", t -> t.renameColumn("a", "z").renameColumn("b", "z")).build())
        .hasMessageContaining("'z'");
    assertThatThrownBy(() -> valid().parallelism(0).build()).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> CopyJob.builder().source(MemoryConnectorProvider.spec("a")).build())
        .hasMessageContaining("name");
    assertThatThrownBy(() -> valid().removeTable("s.t").build()).hasMessageContaining("no table");
  }

  @Test
  void toBuilderEditsAndEqualJobsAreEqual() {
    CopyJob job = valid().table("s.u").build();
    CopyJob edited = job.toBuilder().removeTable("s.u").editTable("s.t", t -> t.incremental("ts").upsert("id")).build();
    assertThat(edited.tables()).hasSize(1);
    assertThat(edited.tables().get(0).mode().column()).contains("ts");
    assertThat(job.toBuilder().build()).isEqualTo(job);
    assertThat(edited).isNotEqualTo(job);
  }

  @Test
  void toStringMasksSecrets() {
    ConnectorSpec spec = MemoryConnectorProvider.spec("a", "password", "p4ssw0rd!", "apiToken", "tok-123");
    assertThat(spec.toString()).doesNotContain("p4ssw0rd!").doesNotContain("tok-123").contains("store=a");
    CopyJob job = valid().source(spec).build();
    assertThat(job.toString()).doesNotContain("p4ssw0rd!");
    ConnectorSpec inUrl = MemoryConnectorProvider.spec("a", "url", "jdbc:x://h/db?user=u&password=in-url-secret&ssl=true");
    assertThat(inUrl.toString()).doesNotContain("in-url-secret").contains("ssl=true");
    assertThat(inUrl.toOptions(new MemoryConnectorProvider()).toString()).doesNotContain("in-url-secret");
  }
}
