package io.copyjob.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.ErrorKind;
import io.copyjob.core.WatermarkStores;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.TableCreation;
import io.copyjob.testkit.MemoryConnectorProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading whole jobs: build() runs on load, so these use the test kit's memory connector. */
class JobDefinitionsTest {

  static CopyJob.Builder job() {
    return CopyJob.builder().name("orders-sync")
        .source(MemoryConnectorProvider.spec("src", "splitRows", "250"))
        .destination(MemoryConnectorProvider.spec("dst", "password", "${secret:dst-password}"))
        .table("sales.orders", t -> t.columns("id", "customer", "amount", "updated_at").renameTo("dw.orders")
            .renameColumn("customer", "customer_name").convert("amount", LogicalType.string())
            .incremental("updated_at").upsert("id"))
        .table("sales.returns", t -> t.excludeColumns("notes").overwrite().creation(TableCreation.MUST_EXIST))
        .table("hr.*")
        .parallelism(3).batchRows(1000);
  }

  private static CopyJobException loadFails(String json) {
    try {
      JobDefinitions.load(json);
    } catch (CopyJobException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.USER_CONFIG);
      return e;
    }
    throw new AssertionError("expected the load to fail");
  }

  @Test
  void savedJobLoadsEqual() {
    CopyJob job = job().build();
    String json = JobDefinitions.save(job);
    assertThat(JobDefinitions.load(json)).isEqualTo(job);
    assertThat(JobDefinitions.save(JobDefinitions.load(json))).isEqualTo(json);
    assertThat(json).startsWith("{\n  \"formatVersion\": 1,\n  \"name\": \"orders-sync\",");
  }

  @Test
  void runtimeWiringIsAddedOnLoadAndIsNotPartOfTheDefinition(@TempDir Path dir) {
    var watermarks = WatermarkStores.file(dir.resolve("wm"));
    CopyJob job = job().watermarkStore(watermarks).secretResolver(name -> Optional.of("x")).build();
    String json = JobDefinitions.save(job);
    assertThat(json).doesNotContain("watermark", "resolver", "listener");

    CopyJob loaded = JobDefinitions.load(json, b -> b.watermarkStore(watermarks)
        .secretResolver(name -> Optional.of("x")));
    assertThat(loaded).isEqualTo(job);
    assertThat(loaded.watermarkStore()).containsSame(watermarks);
    assertThat(loaded.secretResolver()).isPresent();
    assertThat(JobDefinitions.load(json).watermarkStore()).isEmpty();
  }

  @Test
  void savesToAndLoadsFromAFile(@TempDir Path dir) throws Exception {
    CopyJob job = job().build();
    Path file = dir.resolve("jobs/orders-sync.json");
    JobDefinitions.save(job, file);
    assertThat(Files.readString(file)).isEqualTo(JobDefinitions.save(job));
    assertThat(JobDefinitions.load(file, b -> { })).isEqualTo(job);
    JobDefinitions.save(job.toBuilder().removeTable("hr.*").build(), file);
    assertThat(JobDefinitions.load(file, b -> { }).tables()).hasSize(2);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }

    Files.writeString(file, "{\"formatVersion\": 1, \"name\": 5}");
    assertThatThrownBy(() -> JobDefinitions.load(file, b -> { }))
        .hasMessageContaining(file.toString()).hasMessageContaining("$.name");
  }

  @Test
  void aLoadedJobCanBeEditedAndSavedAgain() {
    CopyJob loaded = JobDefinitions.load(JobDefinitions.save(job().build()));

    CopyJob edited = loaded.toBuilder()
        .removeTable("hr.*")                                                   // deselect a table
        .editTable("sales.orders", t -> t.columns("id", "amount", "updated_at") // deselect a column
            .renameColumn("amount", "total")                                    // change a mapping
            .convert("amount", LogicalType.decimal(12, 2))
            .full().overwrite())                                                // change mode and write behaviour
        .editTable("sales.returns", t -> t.excludeColumns("internal").append().creation(TableCreation.CREATE_IF_ABSENT))
        .parallelism(1)
        .build();
    String json = JobDefinitions.save(edited);
    CopyJob reloaded = JobDefinitions.load(json);

    assertThat(reloaded).isEqualTo(edited).isNotEqualTo(loaded);
    assertThat(reloaded.tables()).extracting(t -> t.selector()).containsExactly("sales.orders", "sales.returns");
    assertThat(reloaded.tables().get(0).columns()).containsExactly("id", "amount", "updated_at");
    assertThat(reloaded.tables().get(0).columnRenames()).containsEntry("amount", "total");
    assertThat(reloaded.tables().get(0).mode().isIncremental()).isFalse();
    assertThat(reloaded.tables().get(1).excludedColumns()).containsExactly("notes", "internal");
    assertThat(json).doesNotContain("hr.*", "incremental", "upsert", "mustExist");
  }

  @Test
  void savingRefusesLiteralSecrets() {
    CopyJob job = job().destination(MemoryConnectorProvider.spec("dst", "password", "hunter2")).build();
    assertThatThrownBy(() -> JobDefinitions.save(job)).isInstanceOfSatisfying(CopyJobException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
      assertThat(e.getMessage()).contains("'password'", "destination", "memory", "${env:NAME}", "${secret:NAME}",
          "job orders-sync").doesNotContain("hunter2");
    });
  }

  @Test
  void errorsOfBuildCarryTheJsonPath() {
    String json = JobDefinitions.save(job().build());

    assertThat(loadFails(json.replaceFirst("\"type\": \"memory\"", "\"type\": \"oracle\"")).getMessage())
        .contains("$.source.type", "oracle", "known types", "memory");
    assertThat(loadFails(json.replace("\"store\": \"dst\",", "")).getMessage())
        .contains("$.destination.options", "'store'");
    assertThat(loadFails(json.replace("\"splitRows\": \"250\"", "\"splitRows\": \"many\"")).getMessage())
        .contains("$.source.options", "splitRows");
    assertThat(loadFails(json.replace("\"parallelism\": 3", "\"parallelism\": 0")).getMessage())
        .contains("$.parallelism", "at least 1");
    assertThat(loadFails(json.replace("\"batchRows\": 1000", "\"batchRows\": -1")).getMessage())
        .contains("$.batchRows", "at least 1");
    assertThat(loadFails(json.replace("\"excludedColumns\": [\n        \"notes\"",
        "\"columns\": [\"notes\"],\n      \"excludedColumns\": [\n        \"notes\"")).getMessage())
        .contains("$.tables[1].columns", "both selected and excluded");
    assertThat(loadFails(json.replace("\"selector\": \"hr.*\"", "\"selector\": \"hr.*\", \"targetName\": \"x\""))
        .getMessage()).contains("$.tables[2].targetName", "pattern");
    assertThat(loadFails(json.replace("\"customer\": \"customer_name\"",
        "\"customer\": \"customer_name\", \"amount\": \"customer_name\"")).getMessage())
        .contains("$.tables[0].columnRenames", "'customer_name'");
    assertThat(loadFails(json.replace("\"mode\": \"full\"", "\"mode\": \"sometimes\"")).getMessage())
        .contains("$.tables[1].mode");
  }
}
