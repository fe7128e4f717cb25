package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which SQL Server errors are about the rows of a load (isolated and rejected) and which fail the load. */
class SqlServerErrorsTest {
  @ParameterizedTest
  @ValueSource(ints = {515, 547, 2601, 2627, 2628, 8152, 8115, 241, 4864})
  void constraintTruncationAndConversionErrorsRefuseRows(int number) {
    assertThat(SqlServerErrors.refusesRows(new SQLException("refused", "S0001", number))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {1205, 208, 4060, 18456, 9002, 0})
  void deadlocksMissingTablesLoginsAndFullLogsDoNot(int number) {
    assertThat(SqlServerErrors.refusesRows(new SQLException("failed", "S0001", number))).isFalse();
  }

  @Test
  void theDriversOwnRefusalsGoBySqlState() {
    // SQLServerBulkCopy refuses a value longer than its column before sending it: SQLSTATE 22026, no error number
    assertThat(SqlServerErrors.refusesRows(new SQLException("too long", "22026", 0))).isTrue();
    assertThat(SqlServerErrors.refusesRows(new SQLException("connection reset", "08S01", 0))).isFalse();
  }
}
