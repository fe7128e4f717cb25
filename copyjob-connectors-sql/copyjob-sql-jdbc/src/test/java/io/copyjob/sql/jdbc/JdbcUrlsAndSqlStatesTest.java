package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JdbcUrlsAndSqlStatesTest {

  @Test
  void locationShowsHostAndDatabaseOnly() {
    assertThat(JdbcUrls.location("jdbc:postgresql://db.example:5433/shop?password=x")).isEqualTo("db.example:5433/shop");
    assertThat(JdbcUrls.location("jdbc:postgresql://bob:pw@db/shop")).isEqualTo("db/shop");
    assertThat(JdbcUrls.location("jdbc:postgresql:shop")).isEqualTo("localhost/shop");
    assertThat(JdbcUrls.embeddedPasswords("jdbc:postgresql://h/db?user=a&password=p%40ss")).isEqualTo(List.of("p%40ss", "p@ss"));
    assertThat(JdbcUrls.embeddedPasswords("jdbc:postgresql://h/db")).isEmpty();
  }

  @Test
  void sqlStatesMapToErrorCodes() {
    assertThat(SqlStates.errorCode("08006")).isEqualTo(io.copyjob.ErrorCode.CONNECTION_FAILED);
    assertThat(SqlStates.errorCode("28P01")).isEqualTo(io.copyjob.ErrorCode.AUTHENTICATION_FAILED);
    assertThat(SqlStates.errorCode("23505")).isEqualTo(io.copyjob.ErrorCode.ROW_REJECTED);
    assertThat(SqlStates.errorCode("22003")).isEqualTo(io.copyjob.ErrorCode.CONVERSION_FAILED);
    assertThat(SqlStates.errorCode("42S02")).isEqualTo(io.copyjob.ErrorCode.TABLE_NOT_FOUND);
    assertThat(SqlStates.errorCode(null)).isEqualTo(io.copyjob.ErrorCode.STORE_ERROR);
  }
}
