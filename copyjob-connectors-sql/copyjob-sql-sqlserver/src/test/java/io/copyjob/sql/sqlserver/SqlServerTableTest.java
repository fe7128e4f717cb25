package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.sql.jdbc.JdbcTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the sink tells of a table: its IDENTITY column, so that COPY INTO's IDENTITY_INSERT OFF leaves it alone. */
class SqlServerTableTest {
  @Test
  void identityColumnsAreReported() {
    JdbcTable<SqlServerColumn> table = new JdbcTable<>(DatasetId.of("dbo", "t"), "dbo", "t", "[dbo].[t]", List.of(
        new SqlServerColumn("id", SqlServerType.of("int"), false, true, false),
        new SqlServerColumn("name", new SqlServerType("nvarchar", 80, 0, 0), true, false, false)),
        List.of("id"), List.of(List.of("id")));
    DatasetInfo info = table.info();
    assertThat(info.identityColumns()).containsExactly("id");
    assertThat(info.schema().names()).containsExactly("id", "name");
  }
}
