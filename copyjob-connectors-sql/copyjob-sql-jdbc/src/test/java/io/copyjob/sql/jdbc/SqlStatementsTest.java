package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.spi.Watermark;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generic statements, rendered in a minimal bracket-quoting dialect to show they hold no database specifics. */
class SqlStatementsTest {
  private static final Dialect BRACKETS = new Dialect() {
    @Override public String name() { return "Test"; }
    @Override public String quoteIdentifier(String id) { return "[" + id.replace("]", "]]") + "]"; }
    @Override public String columnType(LogicalType type) { return type.toString(); }
    @Override public String literal(Watermark value) { return value.toText(); }
  };
  private final SqlStatements sql = new SqlStatements(BRACKETS);

  @Test
  void createTableQuotesNamesAndDeclaresKeys() {
    Schema schema = Schema.of(Field.required("id", LogicalType.int64()), Field.of("na]me", LogicalType.string(10)),
        Field.of("code", LogicalType.int32()));
    assertThat(sql.createTable("[s].[t]", schema, List.of("id"), List.of("code")))
        .isEqualTo("CREATE TABLE [s].[t] ([id] INT64 NOT NULL, [na]]me] STRING(10), [code] INT32, PRIMARY KEY ([id]), UNIQUE ([code]))");
    assertThat(sql.createTable("[t]", schema, List.of(), List.of()))
        .isEqualTo("CREATE TABLE [t] ([id] INT64 NOT NULL, [na]]me] STRING(10), [code] INT32)");
  }

  @Test
  void insertMinMaxAndWatermarkRange() {
    assertThat(sql.insert("[t]", List.of("a", "b"), List.of("?", "CAST(? AS x)")))
        .isEqualTo("INSERT INTO [t] ([a], [b]) VALUES (?, CAST(? AS x))");
    WatermarkRange range = WatermarkRange.of("ts", Optional.of(Watermark.of(LogicalType.int64(), 5)),
        Optional.of(Watermark.of(LogicalType.int64(), 9)));
    assertThat(range.predicate(BRACKETS)).isEqualTo("[ts] > 5 AND [ts] <= 9");
    assertThat(WatermarkRange.of("ts", Optional.empty(), Optional.empty()).predicate(BRACKETS)).isNull();
    assertThat(sql.minMax("[t]", "id", Sql.and("[id] < 5", range.predicate(BRACKETS))))
        .isEqualTo("SELECT min([id]), max([id]) FROM [t] WHERE ([id] < 5) AND ([ts] > 5 AND [ts] <= 9)");
    assertThat(sql.max("[t]", "ts", null)).isEqualTo("SELECT max([ts]) FROM [t]");
  }
}
