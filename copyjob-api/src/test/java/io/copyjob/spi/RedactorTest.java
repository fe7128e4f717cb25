package io.copyjob.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void masksSecretValuesAndUrlPasswords() {
    Redactor r = Redactor.of(Arrays.asList("s3cr3t", null, ""));
    assertThat(r.scrub("login with s3cr3t failed")).isEqualTo("login with **** failed");
    assertThat(r.scrub("jdbc:postgresql://h:5432/db?user=a&password=other&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=a&password=****&ssl=true");
    assertThat(r.scrub("jdbc:postgresql://alice:pw@h/db")).isEqualTo("jdbc:postgresql://alice:****@h/db");
    assertThat(r.scrub("sslpassword=abc;x=1")).isEqualTo("sslpassword=****;x=1");
    assertThat(r.scrub(null)).isNull();
  }

  @Test
  void masksWholePasswordsThatHoldDelimiters() {
    Redactor r = Redactor.urlsOnly();
    assertThat(r.scrub("jdbc:sqlserver://h;databaseName=db;password={pa;ss}}w0rd};encrypt=true"))
        .isEqualTo("jdbc:sqlserver://h;databaseName=db;password=****;encrypt=true");
    assertThat(r.scrub("jdbc:postgresql://alice:p@ss@h/db")).isEqualTo("jdbc:postgresql://alice:****@h/db");
  }
}
