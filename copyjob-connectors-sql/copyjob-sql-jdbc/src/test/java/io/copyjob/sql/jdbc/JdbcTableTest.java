package io.copyjob.sql.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.DatasetInfo;
import io.copyjob.spi.Watermark;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the catalog template builds from a database's key rows, and what the shared read plan renders. */
class JdbcTableTest {
  private record Column(String name, boolean nullable) implements JdbcColumn {
    @Override
    public Field field() {
      return nullable ? Field.of(name, LogicalType.int64()) : Field.required(name, LogicalType.int64());
    }

    @Override
    public String typeName() {
      return "bigint";
    }
  }

  @Test
  void keysReadRowByRowOrIndexByIndexGiveThePrimaryKeyAndEveryUniqueKeyInKeyOrder() {
    TableKeys byColumn = new TableKeys(); // SQL Server: one row per key column
    byColumn.add(1, true, "b");
    byColumn.add(1, true, "a");
    byColumn.add(7, false, "c");
    TableKeys byIndex = new TableKeys(); // PostgreSQL: one row per index, its columns as an array
    byIndex.addAll(1, true, List.of("b", "a"));
    byIndex.addAll(7, false, List.of("c"));
    for (TableKeys k : List.of(byColumn, byIndex)) {
      assertThat(k.primaryKey()).containsExactly("b", "a");
      assertThat(k.uniqueKeys()).containsExactly(List.of("b", "a"), List.of("c"));
    }
    TableKeys none = new TableKeys();
    none.add(3, false, "c");
    assertThat(none.primaryKey()).isEmpty();
  }

  @Test
  void tableDescribesItsDatasetAndFindsUniqueKeysInAnyOrder() {
    JdbcTable<Column> t = new JdbcTable<>(DatasetId.of("s", "t"), "s", "t", "\"s\".\"t\"",
        List.of(new Column("a", false), new Column("b", true), new Column("c", true)), List.of("b", "a"),
        List.of(List.of("b", "a"), List.of("c")));
    DatasetInfo info = t.info();
    assertThat(info.schema().names()).containsExactly("a", "b", "c");
    assertThat(info.schema().field(0).nullable()).isFalse();
    assertThat(info.primaryKey()).containsExactly("b", "a");
    assertThat(t.displayName()).isEqualTo("s.t");
    assertThat(t.column("c")).isPresent();
    assertThat(t.column("C")).isEmpty(); // names match exactly, as quoted identifiers do
    assertThat(t.hasUniqueKeyOn(List.of("a", "b"))).isTrue();
    assertThat(t.hasUniqueKeyOn(List.of("a"))).isFalse();
    assertThat(t.hasUniqueKeyOn(List.of("a", "b", "c"))).isFalse();
  }

  @Test
  void splitsRenderTheirKeyRangeInTheDialectAndKeepTheUpperBound() {
    Dialect d = new Dialect() {
      @Override
      public String name() { return "Test"; }

      @Override
      public String quoteIdentifier(String identifier) { return "[" + identifier.replace("]", "]]") + "]"; }

      @Override
      public String columnType(LogicalType type) { return "x"; }

      @Override
      public String literal(Watermark value) { return value.value().toString(); }
    };
    Watermark upper = Watermark.of(LogicalType.int64(), 9L);
    JdbcSplit s = new JdbcSplit("k]ey", KeyRange.of(10L, 20L), upper);
    assertThat(s.predicate(d)).isEqualTo("[k]]ey] >= 10 AND [k]]ey] < 20");
    assertThat(s.describe()).isEqualTo("k]ey in [10, 20)");
    assertThat(s.upper()).contains(upper);
    assertThat(JdbcSplit.all(null).predicate(d)).isNull();
    assertThat(JdbcSplit.all(null).upper()).isEmpty();
    assertThat(JdbcSplit.all(null).describe()).isEqualTo("all rows");
  }
}
