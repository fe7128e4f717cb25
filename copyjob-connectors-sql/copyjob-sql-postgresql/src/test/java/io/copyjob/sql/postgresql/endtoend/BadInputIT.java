package io.copyjob.sql.postgresql.endtoend;

import io.copyjob.testkit.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.RunResult;
import io.copyjob.TableResult;
import io.copyjob.data.LogicalType;
import io.copyjob.sql.postgresql.PostgresConnection;
import io.copyjob.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input answered clearly: the error names what is wrong and nothing is half-copied. */
class BadInputIT {
  private final TestDatabase source = new TestDatabase("bad_src");
  private final TestDatabase target = new TestDatabase("bad_dst");

  private CopyJob.Builder job() {
    return CopyJob.builder().name("bad-input").source(source.spec()).destination(target.spec());
  }

  @Test
  void unknownConnectorTypeListsTheKnownOnes() {
    assertThatThrownBy(() -> job().destination("snowflake", Map.of("url", "x")).build())
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_CONNECTOR))
        .hasMessageContaining("snowflake").hasMessageContaining("files").hasMessageContaining("postgresql");
  }

  @Test
  void missingTableAndMissingColumnNameWhatIsMissing() {
    source.exec("CREATE TABLE customers (id int PRIMARY KEY, name text)");
    RunResult run = job().table("public.custmers").table("public.customers", t -> t.columns("id", "email")).build().run();

    TableResult missingTable = run.table("public.custmers").orElseThrow();
    assertThat(missingTable.errorCode()).contains(ErrorCode.TABLE_NOT_FOUND);
    assertThat(missingTable.error().orElseThrow()).contains("public.custmers", "public.customers");
    TableResult missingColumn = run.table("public.customers").orElseThrow();
    assertThat(missingColumn.errorCode()).contains(ErrorCode.COLUMN_NOT_FOUND);
    assertThat(missingColumn.error().orElseThrow()).contains("column email", "[id, name]");
    assertThat(target.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).isZero();
  }

  @Test
  void impossibleConversionNamesTheColumnAndTheRow() {
    source.exec("CREATE TABLE readings (id int PRIMARY KEY, value text)",
        "INSERT INTO readings SELECT g, g::text FROM generate_series(1, 5000) g",
        "UPDATE readings SET value = '12,5' WHERE id = 4321");
    TableResult t = job().table("public.readings", s -> s.convert("value", LogicalType.decimal(10, 2))).build().run()
        .tables().get(0);
    assertThat(t.errorCode()).contains(ErrorCode.CONVERSION_FAILED);
    assertThat(t.error().orElseThrow()).contains("column value", "row id=4321", "'12,5'", "DECIMAL(10,2)");
    assertThat(target.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'readings'")).isZero();
  }

  @Test
  void wrongCredentialsSayWhoAndWhereButNeverThePassword() throws Exception {
    requirePasswordFor("copy_user", "right-password-1");
    String url = PostgresServer.jdbcUrl(source.name);
    source.exec("CREATE TABLE t (id int)");
    RunResult run = CopyJob.builder().name("creds").source(PostgresConnection.of(url, "copy_user", "Wr0ng-Secret!"))
        .destination(target.spec()).table("public.t").build().run();
    assertThat(run.succeeded()).isFalse();
    String message = run.error().orElseGet(() -> run.tables().get(0).error().orElseThrow());
    assertThat(message).contains("copy_user").containsIgnoringCase("authentication").doesNotContain("Wr0ng-Secret!");

    RunResult inUrl = CopyJob.builder().name("creds-url")
        .source(PostgresConnection.builder().url(url + "?user=copy_user&password=Url-Secret-42").build())
        .destination(target.spec()).table("public.t").build().run();
    String urlMessage = inUrl.error().orElseGet(() -> inUrl.tables().get(0).error().orElse(""));
    assertThat(inUrl.succeeded()).isFalse();
    assertThat(urlMessage).doesNotContain("Url-Secret-42");
  }

  /** Makes the server ask {@code user} for a password over TCP; every other user keeps trust. */
  static synchronized void requirePasswordFor(String user, String password) throws Exception {
    TestDatabase admin = new TestDatabase("hba");
    admin.exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + user + "') THEN CREATE ROLE "
        + user + " LOGIN PASSWORD '" + password + "'; END IF; END $$");
    Path hba = Path.of(admin.rows("SHOW hba_file").get(0).get(0));
    String line = "host all " + user + " all scram-sha-256\n";
    String current = Files.readString(hba);
    if (!current.startsWith(line)) {
      Files.writeString(hba, line + current);
      admin.exec("SELECT pg_reload_conf()");
      Thread.sleep(300);
    }
  }
}
