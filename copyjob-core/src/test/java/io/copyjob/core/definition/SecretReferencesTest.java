package io.copyjob.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.ErrorKind;
import io.copyjob.RunResult;
import io.copyjob.RunStatus;
import io.copyjob.SecretResolver;
import io.copyjob.TableResult;
import io.copyjob.TableStatus;
import io.copyjob.ValidationReport;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.DatasetId;
import io.copyjob.testkit.MemoryConnectorProvider;
import io.copyjob.testkit.MemoryStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretReferencesTest {
  private static final DatasetId T = DatasetId.of("s", "t");
  private static final String SECRET = "s3cr3t-Vault-Value-7f2a";
  private static final SecretResolver VAULT = name -> name.equals("dst-password") ? Optional.of(SECRET)
      : Optional.empty();

  private static String sourceWithRows() {
    String store = MemoryStore.fresh("secret-src");
    MemoryStore s = MemoryStore.named(store);
    s.createTable(T, Schema.of(Field.required("id", LogicalType.int64()), Field.of("v", LogicalType.string())),
        List.of("id"));
    for (long i = 1; i <= 5; i++) {
      s.insert(T, i, "v" + i);
    }
    return store;
  }

  /** A job loaded from JSON whose destination password is {@code reference} and fails on commit. */
  private static CopyJob failingJob(String reference, SecretResolver resolver) {
    CopyJob defined = CopyJob.builder().name("secret-job-" + reference.hashCode())
        .source(MemoryConnectorProvider.spec(sourceWithRows()))
        .destination(MemoryConnectorProvider.spec(MemoryStore.fresh("secret-dst"), "failOnCommit", "true",
            "password", reference))
        .table("s.t").build();
    String json = JobDefinitions.save(defined);
    assertThat(json).contains(reference).doesNotContain(SECRET);
    CopyJob loaded = JobDefinitions.load(json, b -> b.secretResolver(resolver));
    assertThat(loaded).isEqualTo(defined);
    return loaded;
  }

  @Test
  void resolvesWholeAndEmbeddedReferences() {
    SecretReferences refs = SecretReferences.using(VAULT, Map.of("PGHOST", "db.example.com", "PGPASS", "pw1")::get);
    ConnectorSpec spec = ConnectorSpec.of("postgresql", JobDefinitionTest.map(
        "url", "jdbc:postgresql://${env:PGHOST}:5432/app", "user", "app", "password", "${env:PGPASS}",
        "property.sslpassword", "${secret:dst-password}"));

    SecretReferences.Resolved r = refs.resolve(spec, "source");
    assertThat(r.spec().options()).containsExactly(
        Map.entry("url", "jdbc:postgresql://db.example.com:5432/app"), Map.entry("user", "app"),
        Map.entry("password", "pw1"), Map.entry("property.sslpassword", SECRET));
    // the sensitive options' resolved values and every ${secret:} value are secrets; a host is not
    assertThat(r.secretValues()).containsExactlyInAnyOrder("pw1", SECRET, SECRET);
    assertThat(r.toString()).doesNotContain("pw1", SECRET);
    assertThat(SecretReferences.isReference("${env:A}")).isTrue();
    assertThat(SecretReferences.isReference("${secret:a/b-c.d}")).isTrue();
    assertThat(SecretReferences.isReference("x${env:A}")).isFalse();
    assertThat(SecretReferences.isReference("${vault:A}")).isFalse();
  }

  @Test
  void unresolvableReferencesNameTheOptionAndTheReference() {
    ConnectorSpec spec = ConnectorSpec.of("memory", JobDefinitionTest.map("password", "${env:NOPE_NOT_SET}"));
    assertThatThrownBy(() -> SecretReferences.using(VAULT, name -> null).resolve(spec, "destination"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
          assertThat(e.kind()).isEqualTo(ErrorKind.USER_CONFIG);
          assertThat(e.getMessage()).contains("'password'", "destination", "${env:NOPE_NOT_SET}", "not set");
        });
    ConnectorSpec secret = ConnectorSpec.of("memory", JobDefinitionTest.map("password", "${secret:other}"));
    assertThatThrownBy(() -> SecretReferences.using(VAULT, name -> null).resolve(secret, "source"))
        .hasMessageContaining("${secret:other}").hasMessageContaining("knows no secret 'other'");
    assertThatThrownBy(() -> SecretReferences.using((SecretResolver) null).resolve(secret, "source"))
        .hasMessageContaining("${secret:other}").hasMessageContaining("secretResolver(...)");
    SecretResolver broken = name -> {
      throw new IllegalStateException("vault said " + SECRET);
    };
    assertThatThrownBy(() -> SecretReferences.using(broken, name -> null).resolve(secret, "source"))
        .hasMessageContaining("resolver failed").hasMessageContaining("IllegalStateException")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void aRunUsesTheResolvedSecretAndRedactsItFromErrors() {
    CopyJob job = failingJob("${secret:dst-password}", VAULT);
    RunResult run = job.run();

    TableResult t = run.tables().get(0);
    assertThat(t.status()).isEqualTo(TableStatus.FAILED);
    // the memory sink's injected failure quotes the password it was opened with: the resolved one, masked
    assertThat(t.error().orElseThrow()).contains("commit failed", "secret ****").doesNotContain(SECRET, "${secret");
    assertThat(run.toString()).doesNotContain(SECRET);
  }

  @Test
  void aRunResolvesEnvironmentReferences() {
    Map.Entry<String, String> env = System.getenv().entrySet().stream()
        .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") && e.getValue().length() >= 8
            && !e.getValue().contains("}"))
        .findFirst().orElse(null);
    assumeTrue(env != null, "no environment variable to refer to");
    CopyJob job = failingJob("${env:" + env.getKey() + "}", SecretResolver.none());
    TableResult t = job.run().tables().get(0);
    assertThat(t.error().orElseThrow()).contains("commit failed", "secret ****").doesNotContain(env.getValue());
  }

  @Test
  void aRunWithAnUnresolvableReferenceFailsWithAConfigError() {
    CopyJob job = failingJob("${secret:missing}", VAULT);
    RunResult run = job.run();
    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
    assertThat(run.error().orElseThrow()).contains("'password'", "destination", "${secret:missing}",
        "knows no secret");

    ValidationReport report = job.validate();
    assertThat(report.isValid()).isFalse();
    assertThat(report.problems().get(0).code()).isEqualTo(ErrorCode.INVALID_OPTION);
    assertThat(report.problems().get(0).getMessage()).contains("${secret:missing}");
  }

  @Test
  void aRunWithResolvedSecretsCopiesTheRows() {
    String src = sourceWithRows();
    String dst = MemoryStore.fresh("secret-dst");
    CopyJob job = JobDefinitions.load(JobDefinitions.save(CopyJob.builder().name("secret-ok")
        .source(MemoryConnectorProvider.spec(src, "password", "${secret:dst-password}"))
        .destination(MemoryConnectorProvider.spec("${secret:store-name}"))
        .table("s.t").build()), b -> b.secretResolver(name -> Optional.of(name.equals("store-name") ? dst : SECRET)));
    assertThat(job.validate().isValid()).isTrue();
    RunResult run = job.run().throwIfFailed();
    assertThat(run.rowsWritten()).isEqualTo(5);
    assertThat(MemoryStore.named(dst).rows(T)).hasSize(5);
  }

  @Test
  void anOptionHoldingAReferenceIsCheckedWhenTheRunResolvesIt() {
    String src = sourceWithRows();
    CopyJob.Builder b = CopyJob.builder().name("deferred-check")
        .source(MemoryConnectorProvider.spec(src, "splitRows", "${secret:rows}"))
        .destination(MemoryConnectorProvider.spec(MemoryStore.fresh("secret-dst")))
        .table("s.t");
    // a literal would be checked by build(); the reference cannot be, so the connector checks it on open
    assertThatThrownBy(() -> CopyJob.builder().name("x").source(MemoryConnectorProvider.spec(src, "splitRows", "x"))
        .destination(MemoryConnectorProvider.spec("d")).table("s.t").build()).hasMessageContaining("splitRows");
    assertThat(b.secretResolver(name -> Optional.of("2")).build().run().throwIfFailed().rowsWritten()).isEqualTo(5);

    RunResult bad = b.secretResolver(name -> Optional.of("many")).build().run();
    assertThat(bad.status()).isEqualTo(RunStatus.FAILED);
    assertThat(bad.error().orElseThrow()).contains("splitRows", "whole number");
  }
}
