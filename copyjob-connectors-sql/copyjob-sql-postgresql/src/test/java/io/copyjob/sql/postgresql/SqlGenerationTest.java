package io.copyjob.sql.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.JdbcSplit;
import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.WatermarkRange;
import io.copyjob.spi.Watermark;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SQL the connector sends, for hostile names included. */
class SqlGenerationTest {
  private static final PgType INT8 = PgType.builtin(PgType.INT8, "int8");
  private static final PgType TEXT = PgType.builtin(PgType.TEXT, "text");
  private static final PgType NUMERIC = PgType.of(PgType.NUMERIC, "numeric", PostgresTypeMappingTest.numericTypmod(10, 2),
      "numeric(10,2)", "numeric");

  @Test
  void createTable() {
    Schema s = Schema.of(Field.required("id", LogicalType.int64()), Field.of("my \"col\"; x", LogicalType.string(20)),
        Field.of("amount", LogicalType.decimal(38, 9)), Field.of("at", LogicalType.timestamp(7)));
    assertThat(new SqlStatements(PostgresDialect.INSTANCE).createTable("\"s\".\"t\"", s, List.of("id"), List.of()))
        .isEqualTo("CREATE TABLE \"s\".\"t\" (\"id\" bigint NOT NULL, \"my \"\"col\"\"; x\" varchar(20),"
            + " \"amount\" numeric(38,9), \"at\" timestamp(6), PRIMARY KEY (\"id\"))");
  }

  @Test
  void copyIsBinaryUnlessAColumnNeedsTheTextParser() {
    Schema s = Schema.of(Field.of("id", LogicalType.int32()), Field.of("name", LogicalType.string()));
    CopyPlan binary = CopyPlan.of("\"public\".\"t\"", s, List.of(INT8, TEXT));
    assertThat(binary.binary()).isTrue();
    assertThat(binary.sql()).isEqualTo("COPY \"public\".\"t\" (\"id\", \"name\") FROM STDIN (FORMAT binary)");

    Schema csvLike = Schema.of(Field.of("id", LogicalType.int32()), Field.of("amount", LogicalType.string()));
    CopyPlan text = CopyPlan.of("\"public\".\"t\"", csvLike, List.of(INT8, NUMERIC));
    assertThat(text.binary()).isFalse();
    assertThat(text.sql()).isEqualTo("COPY \"public\".\"t\" (\"id\", \"amount\") FROM STDIN (FORMAT text)");
  }

  @Test
  void insertCastsToTheColumnTypeWithoutModifier() {
    Schema s = Schema.of(Field.of("id", LogicalType.int64()), Field.of("amount", LogicalType.decimal(10, 2)));
    InsertWriter w = new InsertWriter(null, "\"public\".\"t\"", s, List.of(INT8, NUMERIC), 10, null, null);
    assertThat(w.sql()).isEqualTo("INSERT INTO \"public\".\"t\" (\"id\", \"amount\") VALUES (CAST(? AS int8), CAST(? AS numeric))");
  }

  @Test
  void upsertStagesAndMergesKeepingTheLastArrival() {
    assertThat(UpsertSql.createStaging("\"stage\"", "\"public\".\"t\"", List.of("id", "v")))
        .isEqualTo("CREATE TEMP TABLE \"stage\" ON COMMIT DROP AS SELECT \"id\", \"v\" FROM \"public\".\"t\" WITH NO DATA");
    assertThat(UpsertSql.merge("\"public\".\"t\"", "pg_temp.\"stage\"", List.of("id", "v", "w"), List.of("id")))
        .isEqualTo("INSERT INTO \"public\".\"t\" AS t (\"id\", \"v\", \"w\") SELECT \"id\", \"v\", \"w\" FROM"
            + " (SELECT DISTINCT ON (\"id\") \"id\", \"v\", \"w\" FROM pg_temp.\"stage\" ORDER BY \"id\", \"__copyjob_arrival\" DESC) s"
            + " WHERE true ON CONFLICT (\"id\") DO UPDATE SET \"v\" = EXCLUDED.\"v\", \"w\" = EXCLUDED.\"w\"");
    assertThat(UpsertSql.merge("t", "s", List.of("a", "b"), List.of("b", "a"))).endsWith("ON CONFLICT (\"b\", \"a\") DO NOTHING");
    assertThat(PostgresWriteTransaction.stagingName("Run-42/ü")).isEqualTo("copyjob_stage_run_42__");
    assertThat(PostgresWriteTransaction.stagingName("x".repeat(100))).hasSize(63);
  }

  @Test
  void splitAndWatermarkPredicates() {
    JdbcSplit split = new JdbcSplit("id", KeyRange.of(100L, 200L), null);
    assertThat(split.predicate(PostgresDialect.INSTANCE)).isEqualTo("\"id\" >= 100 AND \"id\" < 200");
    assertThat(split.describe()).isEqualTo("id in [100, 200)");
    assertThat(JdbcSplit.all(null).predicate(PostgresDialect.INSTANCE)).isNull();
    WatermarkRange range = WatermarkRange.of("updated at",
        Optional.of(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000))),
        Optional.of(Watermark.of(LogicalType.timestamp(6), LocalDateTime.of(2024, 1, 2, 0, 0))));
    assertThat(range.predicate(PostgresDialect.INSTANCE)).isEqualTo(
        "\"updated at\" > '2024-01-01 00:00:00.000001'::timestamp AND \"updated at\" <= '2024-01-02 00:00:00'::timestamp");
  }
}
