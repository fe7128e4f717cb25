package io.copyjob.sql.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.data.Field;
import io.copyjob.data.LogicalType;
import io.copyjob.data.Schema;
import io.copyjob.sql.jdbc.JdbcSplit;
import io.copyjob.sql.jdbc.JdbcTable;
import io.copyjob.sql.jdbc.JdbcWriteTransaction;
import io.copyjob.sql.jdbc.KeyRange;
import io.copyjob.sql.jdbc.SqlStatements;
import io.copyjob.sql.jdbc.UpsertKeys;
import io.copyjob.spi.DatasetId;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.Watermark;
import io.copyjob.spi.WriteRequest;
import io.copyjob.spi.WriteStrategy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlServerSqlTest {
  private static final SqlServerDialect D = SqlServerDialect.INSTANCE;

  @Test
  void quotesHostileIdentifiersWithBrackets() {
    assertThat(D.quoteIdentifier("a]b")).isEqualTo("[a]]b]");
    assertThat(D.quoteIdentifier("x]; DROP TABLE t; --")).isEqualTo("[x]]; DROP TABLE t; --]");
    assertThat(D.quoteIdentifier("it's \"q\" [x]")).isEqualTo("[it's \"q\" [x]]]");
    assertThat(D.quoteIdentifier("Größe 表")).isEqualTo("[Größe 表]");
    assertThat(D.qualifiedName(DatasetId.of("s]", "t"), "dbo")).isEqualTo("[s]]].[t]");
    assertThat(D.qualifiedName(DatasetId.of("t"), "dbo")).isEqualTo("[dbo].[t]");
    assertThatThrownBy(() -> D.quoteIdentifier("a\0b")).isInstanceOf(IllegalArgumentException.class);
    assertThat(SqlServerDialect.stringLiteral("O'Brien")).isEqualTo("N'O''Brien'");
  }

  @Test
  void watermarkPredicatesKeepEveryDigit() {
    Watermark lo = Watermark.of(LogicalType.timestamp(7), LocalDateTime.parse("2024-01-02T03:04:05.1234567"));
    Watermark hi = Watermark.of(LogicalType.timestamp(7), LocalDateTime.parse("9999-12-31T23:59:59.9999999"));
    assertThat(SqlServerSql.watermarkPredicate("ts", false, Optional.of(lo), Optional.of(hi))).isEqualTo(
        "[ts] > CAST('2024-01-02T03:04:05.1234567' AS datetime2(7)) AND [ts] <= CAST('9999-12-31T23:59:59.9999999' AS datetime2(7))");
    assertThat(SqlServerSql.watermarkPredicate("d", SqlServerType.of("datetime"), Optional.of(lo), Optional.empty()))
        .isEqualTo("[d] > CAST(CAST('2024-01-02T03:04:05.1234567' AS datetime2(7)) AS datetime)");
    // a datetime string literal with more than 3 fractional digits fails to convert (error 241)
    assertThat(SqlServerSql.watermarkPredicate("d", SqlServerType.of("smalldatetime"), Optional.of(lo), Optional.empty()))
        .isEqualTo("[d] > CAST(CAST('2024-01-02T03:04:05.1234567' AS datetime2(7)) AS smalldatetime)");
    assertThat(SqlServerSql.upperBound("[t]", "d", new SqlServerType("datetime2", 8, 27, 3), Optional.of(lo)))
        .isEqualTo("SELECT max([d]) FROM [t] WHERE [d] > CAST('2024-01-02T03:04:05.1234567' AS datetime2(3))");
    Watermark tz = Watermark.of(LogicalType.timestampTz(7), Instant.parse("0001-01-01T00:00:00Z"));
    assertThat(D.literal(tz)).isEqualTo("CAST('0001-01-01T00:00:00.0000000+00:00' AS datetimeoffset(7))");
    assertThat(D.literal(Watermark.of(LogicalType.int64(), 42L))).isEqualTo("42");
    assertThat(D.literal(Watermark.of(LogicalType.decimal(38, 10), new BigDecimal("1.0000000001")))).isEqualTo("1.0000000001");
    assertThat(D.literal(Watermark.of(LogicalType.string(), "a'b"))).isEqualTo("N'a''b'");
  }

  @Test
  void rowversionUpperBoundIsCappedBelowMinActiveRowversion() {
    Watermark saved = Watermark.of(LogicalType.int64(), 2000L);
    assertThat(SqlServerSql.upperBound("[dbo].[t]", "rv", true, Optional.of(saved))).isEqualTo(
        "SELECT CAST(max([rv]) AS bigint) FROM [dbo].[t] WHERE ([rv] > CAST(CAST(2000 AS bigint) AS binary(8)))"
            + " AND ([rv] < MIN_ACTIVE_ROWVERSION())");
    assertThat(SqlServerSql.upperBound("[dbo].[t]", "rv", true, Optional.empty()))
        .isEqualTo("SELECT CAST(max([rv]) AS bigint) FROM [dbo].[t] WHERE [rv] < MIN_ACTIVE_ROWVERSION()");
    assertThat(SqlServerSql.watermarkPredicate("rv", true, Optional.of(saved), Optional.of(Watermark.of(LogicalType.int64(), 2500L))))
        .isEqualTo("[rv] > CAST(CAST(2000 AS bigint) AS binary(8)) AND [rv] <= CAST(CAST(2500 AS bigint) AS binary(8))");
    assertThat(SqlServerSql.upperBound("[dbo].[t]", "id", false, Optional.of(saved)))
        .isEqualTo("SELECT max([id]) FROM [dbo].[t] WHERE [id] > 2000");
  }

  @Test
  void splitSelectAndReadExpressions() {
    KeyRange r = KeyRange.of(10L, 20L);
    JdbcSplit split = new JdbcSplit("id", r, null);
    assertThat(split.predicate(D)).isEqualTo("[id] >= 10 AND [id] < 20");
    assertThat(split.describe()).isEqualTo("id in [10, 20)");
    assertThat(SqlServerSql.select("[dbo].[t]", List.of("[id]", SqlServerTypeMapping.readExpression("[rv]",
        SqlServerType.of("timestamp"))), "[id] >= 10 AND [id] < 20"))
        .isEqualTo("SELECT [id], CAST([rv] AS bigint) FROM [dbo].[t] WHERE [id] >= 10 AND [id] < 20");
    assertThat(SqlServerTypeMapping.readExpression("[g]", SqlServerType.of("geography"))).isEqualTo("[g].ToString()");
    assertThat(new SqlStatements(D).minMax("[dbo].[t]", "id", null)).isEqualTo("SELECT min([id]), max([id]) FROM [dbo].[t]");
  }

  @Test
  void mergeTempTableIdentityAndOverwrite() {
    assertThat(SqlServerSql.tempTableName("run-1/x")).isEqualTo("#copyjob_run_1_x");
    assertThat(SqlServerSql.createStaging("[#s]", List.of("id", "n]"), List.of("int", "nvarchar(10)")))
        .isEqualTo("CREATE TABLE [#s] ([id] int NULL, [n]]] nvarchar(10) NULL, [__copyjob_ordinal] bigint NOT NULL)");
    assertThat(SqlServerSql.merge("[dbo].[t]", "[#s]", List.of("id", "name", "v"), List.of("id"))).isEqualTo(
        "MERGE INTO [dbo].[t] WITH (HOLDLOCK) AS t USING [#s] AS s ON (t.[id] = s.[id])"
            + " WHEN MATCHED THEN UPDATE SET t.[name] = s.[name], t.[v] = s.[v]"
            + " WHEN NOT MATCHED BY TARGET THEN INSERT ([id], [name], [v]) VALUES (s.[id], s.[name], s.[v]);");
    assertThat(SqlServerSql.merge("[dbo].[t]", "[#s]", List.of("a", "b"), List.of("a", "b"))).isEqualTo(
        "MERGE INTO [dbo].[t] WITH (HOLDLOCK) AS t USING [#s] AS s ON (t.[a] = s.[a] AND t.[b] = s.[b])"
            + " WHEN NOT MATCHED BY TARGET THEN INSERT ([a], [b]) VALUES (s.[a], s.[b]);");
    assertThat(SqlServerSql.merge("[dbo].[t]", "[#s]", List.of("id", "sku"), List.of("sku"), List.of("id"))).isEqualTo(
        "MERGE INTO [dbo].[t] WITH (HOLDLOCK) AS t USING [#s] AS s ON (t.[sku] = s.[sku])"
            + " WHEN NOT MATCHED BY TARGET THEN INSERT ([id], [sku]) VALUES (s.[id], s.[sku]);");
    assertThat(SqlServerSql.identityInsert("[dbo].[t]", true)).isEqualTo("SET IDENTITY_INSERT [dbo].[t] ON");
    assertThat(SqlServerSql.identityInsert("[dbo].[t]", false)).isEqualTo("SET IDENTITY_INSERT [dbo].[t] OFF");
    assertThat(SqlServerSql.deleteAll("[dbo].[t]", false)).isEqualTo("DELETE FROM [dbo].[t]");
    assertThat(SqlServerSql.deleteAll("[dbo].[t]", true)).isEqualTo("DELETE FROM [dbo].[t] WITH (TABLOCKX)");
    assertThat(SqlServerSql.dropTable("[#s]")).isEqualTo("DROP TABLE IF EXISTS [#s]");
  }

  /**
   * Two rows with the same key in one run: MERGE would fail with error 8672 (a target row matched twice). The
   * staged rows carry their arrival ordinal, and the MERGE source keeps the last row per key, as PostgreSQL does.
   */
  @Test
  void upsertMergesTheLastStagedRowPerKey() {
    assertThat(SqlServerSql.lastPerKey("[#s]", List.of("id", "na]me"), List.of("id"))).isEqualTo(
        "(SELECT [id], [na]]me] FROM (SELECT [id], [na]]me], ROW_NUMBER() OVER (PARTITION BY [id]"
            + " ORDER BY [__copyjob_ordinal] DESC) AS [__copyjob_rank] FROM [#s]) AS r WHERE [__copyjob_rank] = 1)");
    assertThat(SqlServerSql.upsertMerge("[dbo].[t]", "[#s]", List.of("id", "sku", "v"), List.of("sku", "v"), List.of("id")))
        .isEqualTo("MERGE INTO [dbo].[t] WITH (HOLDLOCK) AS t USING (SELECT [id], [sku], [v] FROM (SELECT [id], [sku], [v],"
            + " ROW_NUMBER() OVER (PARTITION BY [sku], [v] ORDER BY [__copyjob_ordinal] DESC) AS [__copyjob_rank]"
            + " FROM [#s]) AS r WHERE [__copyjob_rank] = 1) AS s ON (t.[sku] = s.[sku] AND t.[v] = s.[v])"
            + " WHEN NOT MATCHED BY TARGET THEN INSERT ([id], [sku], [v]) VALUES (s.[id], s.[sku], s.[v]);");
  }

  @Test
  void createTableWithMappedTypes() {
    Schema schema = Schema.of(Field.required("id", LogicalType.int64()), Field.of("name", LogicalType.string(50)),
        Field.of("body", LogicalType.string()), Field.of("amount", LogicalType.decimal(38, 9)),
        Field.of("at", LogicalType.timestamp(7)), Field.of("at_tz", LogicalType.timestampTz(9)),
        Field.of("uid", LogicalType.uuid()), Field.of("ok", LogicalType.bool()), Field.of("bin", LogicalType.binary()));
    WriteRequest r = WriteRequest.of("job", "run1", DatasetId.of("sales", "orders"), schema, WriteStrategy.append(),
        List.of("id"), TableCreation.CREATE_IF_ABSENT);
    assertThat(JdbcWriteTransaction.createTableSql(D, r, "dbo")).isEqualTo("CREATE TABLE [sales].[orders] ("
        + "[id] bigint NOT NULL, [name] nvarchar(50), [body] nvarchar(max), [amount] decimal(38,9), [at] datetime2(7),"
        + " [at_tz] datetimeoffset(7), [uid] uniqueidentifier, [ok] bit, [bin] varbinary(max), PRIMARY KEY ([id]))");
    WriteRequest upsert = WriteRequest.of("job", "run1", DatasetId.of("t"), Schema.of(Field.of("k", LogicalType.int32())),
        WriteStrategy.upsert("k"), List.of(), TableCreation.CREATE_IF_ABSENT);
    assertThat(JdbcWriteTransaction.createTableSql(D, upsert, "dbo"))
        .isEqualTo("CREATE TABLE [dbo].[t] ([k] int NOT NULL, PRIMARY KEY ([k]))");
  }

  @Test
  void upsertWithoutKeysOrPrimaryKeyIsAClearError() {
    JdbcTable<SqlServerColumn> t = new JdbcTable<>(DatasetId.of("dbo", "t"), "dbo", "t", "[dbo].[t]",
        List.of(new SqlServerColumn("a", SqlServerType.of("int"), true, false, false)), List.of(), List.of());
    WriteRequest r = WriteRequest.of("job", "run", DatasetId.of("t"), Schema.of(Field.of("a", LogicalType.int32())),
        WriteStrategy.upsert(), List.of(), TableCreation.CREATE_IF_ABSENT);
    assertThatThrownBy(() -> UpsertKeys.resolve(WriteStrategy.upsert(), t.primaryKey(), c -> t.column(c).isPresent(), r.schema(), "dbo.t"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NO_UPSERT_KEYS))
        .hasMessageContaining("dbo.t has no primary key; give upsert keys");
    assertThatThrownBy(() -> UpsertKeys.resolve(WriteStrategy.upsert("b"), t.primaryKey(), c -> t.column(c).isPresent(), r.schema(), "dbo.t"))
        .isInstanceOfSatisfying(CopyJobException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
  }

  @Test
  void fabricCopyIntoAndStagingPlan() {
    assertThat(FabricSql.stagedFile("r1", 3)).isEqualTo("copyjob-r1/part-00003.parquet");
    // Two tables of one run stage apart, even when their names only differ in replaced characters.
    String a = FabricSql.stagingKey("r1", "dbo.orders");
    String b = FabricSql.stagingKey("r1", "dbo.items");
    String c = FabricSql.stagingKey("r1", "dbo.orders!");
    assertThat(List.of(FabricSql.runFolder(a), FabricSql.runFolder(b), FabricSql.runFolder(c))).doesNotHaveDuplicates();
    assertThat(FabricSql.stagingTable("dbo", a)).isNotEqualTo(FabricSql.stagingTable("dbo", b));
    assertThat(FabricSql.httpsUrl("abfss://stage@acct.dfs.core.windows.net/copyjob/"))
        .isEqualTo("https://acct.dfs.core.windows.net/stage/copyjob");
    assertThat(FabricSql.httpsUrl("https://acct.blob.core.windows.net/c/p?sv=1&sig=abc"))
        .isEqualTo("https://acct.blob.core.windows.net/c/p");
    assertThat(FabricSql.copyInto("[dbo].[t]", List.of("id", "n"), "abfss://stage@acct.dfs.core.windows.net/copyjob",
        "r1", Map.of("azure.sasToken", "?sv=2024&sig=x'y"))).isEqualTo(
        "COPY INTO [dbo].[t] ([id], [n]) FROM 'https://acct.dfs.core.windows.net/stage/copyjob/copyjob-r1/*.parquet'"
            + " WITH (FILE_TYPE = 'PARQUET', CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = 'sv=2024&sig=x''y'))");
    assertThat(FabricSql.credential(Map.of("azure.accountKey", "k==")))
        .isEqualTo("CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = 'k==')");
    assertThat(FabricSql.credential(Map.of("azure.clientId", "app", "azure.clientSecret", "s", "azure.tenantId", "ten")))
        .isEqualTo("CREDENTIAL = (IDENTITY = 'app@https://login.microsoftonline.com/ten/oauth2/token', SECRET = 's')");
    assertThat(FabricSql.copyInto("[dbo].[t]", List.of("id"), "https://a.blob.core.windows.net/c", "r", Map.of()))
        .isEqualTo("COPY INTO [dbo].[t] ([id]) FROM 'https://a.blob.core.windows.net/c/copyjob-r/*.parquet' WITH (FILE_TYPE = 'PARQUET')");
    assertThat(FabricSql.stagingTable("dbo", "r-1")).isEqualTo("[dbo].[copyjob_stage_r_1]");
    assertThat(FabricSql.createTable("[dbo].[t]", Schema.of(Field.required("id", LogicalType.int32()),
        Field.of("s", LogicalType.string(10)), Field.of("ts", LogicalType.timestampTz(7)))))
        .isEqualTo("CREATE TABLE [dbo].[t] ([id] int NOT NULL, [s] varchar(40) NULL, [ts] datetime2(6) NULL)");
  }
}
