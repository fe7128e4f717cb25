package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.spi.SourceConnector;
import io.copyjob.testkit.PostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Authentication against a role with a password: the embedded server trusts everyone, so the test switches
 * pg_hba.conf to scram-sha-256 for one role on host connections.
 */
class PostgresAuthIT {
  private static final String ROLE = "copyjob_pw_role";
  private static final String RIGHT = "right-Secret-1";
  private static final String WRONG = "wr0ng-Pa55w0rd";

  @Test
  void wrongPasswordIsAuthenticationFailedNamingUserAndHostButNeverThePassword() throws IOException {
    PgTestDb db = new PgTestDb("pg_auth");
    db.exec("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + ROLE + "') THEN CREATE ROLE " + ROLE
        + " LOGIN PASSWORD '" + RIGHT + "'; END IF; END $$");
    Path hba = Path.of(db.rows("SHOW hba_file").get(0).get(0));
    String content = Files.readString(hba, StandardCharsets.UTF_8);
    if (!content.contains(ROLE)) {
      Files.writeString(hba, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\nhost all " + ROLE
          + " ::1/128 scram-sha-256\n" + content, StandardCharsets.UTF_8);
      db.exec("SELECT pg_reload_conf()");
    }
    String url = PostgresServer.jdbcUrl(db.name);

    try (SourceConnector ok = source(PostgresConnection.of(url, ROLE, RIGHT))) {
      ok.checkConnection();
    }

    CopyJobException e = failure(PostgresConnection.of(url, ROLE, WRONG));
    assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(e.getMessage()).contains(ROLE).contains("localhost:" + PostgresServer.port());
    assertThat(stackTrace(e)).doesNotContain(WRONG);

    // a password written into the URL is kept out of messages too
    CopyJobException inUrl = failure(ConnectorSpec.of("postgresql", PgTestDb.map("url", url + "?password=" + WRONG, "user", ROLE)));
    assertThat(inUrl.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
    assertThat(stackTrace(inUrl)).doesNotContain(WRONG);
  }

  private static SourceConnector source(ConnectorSpec spec) {
    return PgTestDb.PROVIDER.createSource(spec.toOptions(PgTestDb.PROVIDER));
  }

  private static CopyJobException failure(ConnectorSpec spec) {
    try (SourceConnector s = source(spec)) {
      return catchThrowableOfType(CopyJobException.class, s::listDatasets);
    }
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
