package io.copyjob.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJob;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.ErrorKind;
import io.copyjob.TableSpec;
import io.copyjob.data.LogicalType;
import io.copyjob.spi.TableCreation;
import io.copyjob.spi.WriteStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JSON layer below {@code build()}: definitions of connectors that are not on copyjob-core's class path
 * (postgresql, files over local, S3 and Azure stores) round-trip option by option.
 */
class JobDefinitionTest {

  static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** Every option of PostgresOptions. */
  static final ConnectorSpec POSTGRES = ConnectorSpec.of("postgresql", map(
      "url", "jdbc:postgresql://db.example.com:5432/shop?sslmode=require",
      "user", "copy",
      "password", "${secret:shop-db-password}",
      "writeMethod", "copy",
      "insertBatchSize", "5000",
      "fetchSize", "10000",
      "schema", "staging",
      "property.connectTimeout", "10",
      "property.sslpassword", "${env:PG_SSL_PASSWORD}"));

  /** Every option of FilesOptions, CSV included, with 'locations' (sources only). */
  static final ConnectorSpec FILES_SOURCE = ConnectorSpec.of("files", map(
      "locations", "file:///data/in/2024/*.csv\nfile:///data/in/2025/*.csv.gz",
      "dataset", "orders",
      "format", "csv",
      "compression", "auto",
      "csv.delimiter", "\\t",
      "csv.quote", "'",
      "csv.header", "true",
      "csv.multiline", "false",
      "splitSize", "64MiB"));

  /** Every destination option of FilesOptions, over S3 with every S3Options option. */
  static final ConnectorSpec FILES_S3 = ConnectorSpec.of("files", map(
      "location", "s3://lake/raw/orders",
      "format", "parquet",
      "compression", "zstd",
      "fileName", "part-{seq}.parquet",
      "maxRowsPerFile", "1000000",
      "maxBytesPerFile", "512MiB",
      "s3.region", "eu-west-1",
      "s3.endpoint", "https://minio.example.com:9000",
      "s3.pathStyle", "true",
      "s3.accessKeyId", "${env:AWS_ACCESS_KEY_ID}",
      "s3.secretAccessKey", "${env:AWS_SECRET_ACCESS_KEY}",
      "s3.sessionToken", "${secret:aws-session-token}",
      "s3.partSizeBytes", "16777216",
      "s3.listPageSize", "500",
      "s3.maxAttempts", "5"));

  /** Every AzureOptions option (they conflict at run time; the JSON layer does not care). */
  static final ConnectorSpec FILES_AZURE = ConnectorSpec.of("files", map(
      "location", "abfss://lake@account.dfs.core.windows.net/raw",
      "format", "jsonl",
      "compression", "gzip",
      "azure.endpoint", "http://127.0.0.1:10000/devstoreaccount1",
      "azure.accountKey", "${secret:azure-account-key}",
      "azure.sasToken", "${secret:azure-sas}",
      "azure.connectionString", "${secret:azure-connection-string}",
      "azure.tenantId", "00000000-0000-0000-0000-000000000001",
      "azure.clientId", "00000000-0000-0000-0000-000000000002",
      "azure.clientSecret", "${env:AZURE_CLIENT_SECRET}",
      "azure.managedIdentity", "false",
      "azure.blockSizeBytes", "8388608",
      "azure.listPageSize", "1000",
      "azure.maxTries", "4"));

  /** A table with every setting. */
  static final TableSpec EVERYTHING = TableSpec.builder("public.orders")
      .columns("id", "customer", "amount", "updated_at", "payload")
      .excludeColumns("notes", "internal")
      .renameTo("dw.orders")
      .renameColumn("customer", "customer_name").renameColumn("amount", "total")
      .convert("amount", LogicalType.decimal(12, 2)).convert("id", LogicalType.int32())
      .convert("updated_at", LogicalType.timestampTz(3)).convert("payload", LogicalType.string(200))
      .incremental("updated_at").upsert("id", "region").creation(TableCreation.MUST_EXIST)
      .build();

  static JobDefinition definition(ConnectorSpec source, ConnectorSpec destination, TableSpec... tables) {
    return JobDefinition.of("orders-sync", source, destination, List.of(tables), 4, 8192);
  }

  private static CopyJobException invalid(String json) {
    try {
      JobDefinition.parse(json);
    } catch (CopyJobException e) {
      assertThat(e.kind()).isEqualTo(ErrorKind.USER_CONFIG);
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_JOB);
      return e;
    }
    throw new AssertionError("expected an invalid definition: " + json);
  }

  private static final String VALID = """
      {
        "formatVersion": 1,
        "name": "j",
        "source": {"type": "memory", "options": {"store": "a"}},
        "destination": {"type": "memory", "options": {"store": "b"}},
        "tables": [{"selector": "s.t"}, {"selector": "s.u", "mode": "MODE"}]
      }
      """;

  @Test
  void everyOptionOfEveryConnectorRoundTrips() {
    for (ConnectorSpec source : List.of(POSTGRES, FILES_SOURCE)) {
      for (ConnectorSpec destination : List.of(POSTGRES, FILES_S3, FILES_AZURE)) {
        JobDefinition d = definition(source, destination, TableSpec.builder("public.orders").build());
        String json = d.toJson();
        JobDefinition again = JobDefinition.parse(json);
        assertThat(again).isEqualTo(d);
        assertThat(again.source().options()).containsExactlyEntriesOf(source.options());
        assertThat(again.destination().options()).containsExactlyEntriesOf(destination.options());
        assertThat(again.toJson()).isEqualTo(json);
      }
    }
  }

  @Test
  void everyTableSettingAndLogicalTypeRoundTrips() {
    List<TableSpec> tables = List.of(EVERYTHING,
        TableSpec.builder("sales.customer_*").excludeColumns("notes").overwrite().build(),
        TableSpec.builder("sales.events").append().incremental("seq").convert("seq", LogicalType.int64())
            .convert("at", LogicalType.timestamp(7)).convert("d", LogicalType.date())
            .convert("flag", LogicalType.bool()).convert("u", LogicalType.uuid()).convert("j", LogicalType.json())
            .convert("b", LogicalType.binary(16)).convert("bb", LogicalType.binary())
            .convert("t", LogicalType.time(0)).convert("i8", LogicalType.int8()).convert("i16", LogicalType.int16())
            .convert("f", LogicalType.float32()).convert("g", LogicalType.float64())
            .convert("s", LogicalType.string()).convert("tz", LogicalType.timestampTz(9)).build(),
        TableSpec.builder("sales.pk_upsert").upsert().build(),
        TableSpec.builder("sales.plain").build());
    JobDefinition d = JobDefinition.of("orders-sync", POSTGRES, FILES_S3, tables, 3, 500);

    String json = d.toJson();
    JobDefinition again = JobDefinition.parse(json);
    assertThat(again).isEqualTo(d);
    assertThat(again.tables()).containsExactlyElementsOf(tables);
    assertThat(again.tables().get(3).writeStrategy()).isEqualTo(WriteStrategy.upsert());
    assertThat(again.parallelism()).isEqualTo(3);
    assertThat(again.batchRows()).isEqualTo(500);
    assertThat(again.toJson()).isEqualTo(json);
    assertThat(json).contains("\"conversions\": {", "\"amount\": \"DECIMAL(12,2)\"", "\"updated_at\": \"TIMESTAMP_TZ(3)\"",
        "\"mode\": \"incremental\"", "\"incrementalColumn\": \"updated_at\"", "\"write\": \"upsert\"",
        "\"creation\": \"mustExist\"", "\"targetName\": \"dw.orders\"");
  }

  @Test
  void writesAStablePrettyPrintedLayout() {
    JobDefinition d = definition(ConnectorSpec.of("memory", map("store", "a")),
        ConnectorSpec.of("memory", map("store", "b", "password", "${env:DB_PASSWORD}")),
        TableSpec.builder("s.t").columns("id", "name").incremental("id").upsert("id").build(),
        TableSpec.builder("s.u").build());
    assertThat(d.toJson()).isEqualTo("""
        {
          "formatVersion": 1,
          "name": "orders-sync",
          "source": {
            "type": "memory",
            "options": {
              "store": "a"
            }
          },
          "destination": {
            "type": "memory",
            "options": {
              "store": "b",
              "password": "${env:DB_PASSWORD}"
            }
          },
          "tables": [
            {
              "selector": "s.t",
              "columns": [
                "id",
                "name"
              ],
              "mode": "incremental",
              "incrementalColumn": "id",
              "write": "upsert",
              "keys": [
                "id"
              ],
              "creation": "createIfAbsent"
            },
            {
              "selector": "s.u",
              "mode": "full",
              "write": "append",
              "creation": "createIfAbsent"
            }
          ],
          "parallelism": 4,
          "batchRows": 8192
        }
        """);
  }

  @Test
  void defaultsApplyWhenOptionalFieldsAreLeftOut() {
    JobDefinition d = JobDefinition.parse("""
        {"formatVersion": 1, "name": "j", "source": {"type": "memory"},
         "destination": {"type": "memory", "options": {"store": "b", "splitRows": 250, "failOnCommit": false}},
         "tables": [{"selector": "s.t"}]}
        """);
    assertThat(d.source().options()).isEmpty();
    assertThat(d.destination().options()).containsExactly(Map.entry("store", "b"), Map.entry("splitRows", "250"),
        Map.entry("failOnCommit", "false"));
    assertThat(d.tables()).containsExactly(TableSpec.builder("s.t").build());
    assertThat(d.parallelism()).isEqualTo(CopyJob.DEFAULT_PARALLELISM);
    assertThat(d.batchRows()).isEqualTo(io.copyjob.data.RecordBatch.DEFAULT_CAPACITY);
  }

  @Test
  void sensitiveOptionsWithValuesAreNeverWritten() {
    for (String[] option : new String[][] {{"postgresql", "password"}, {"postgresql", "property.sslpassword"},
        {"files", "s3.secretAccessKey"}, {"files", "s3.sessionToken"}, {"files", "s3.accessKeyId"},
        {"files", "azure.accountKey"}, {"files", "azure.sasToken"}, {"files", "azure.clientSecret"}}) {
      ConnectorSpec spec = ConnectorSpec.of(option[0], map("location", "x", option[1], "hunter2-literal"));
      assertThatThrownBy(() -> definition(ConnectorSpec.of("memory", map()), spec,
          TableSpec.builder("t").build()).toJson())
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.USER_CONFIG);
            assertThat(e.getMessage()).contains("'" + option[1] + "'", "destination", "${env:NAME}",
                "${secret:NAME}").doesNotContain("hunter2-literal");
          });
    }
    // a reference wrapped in spaces or mixed with text is not a reference
    assertThatThrownBy(() -> definition(ConnectorSpec.of("x", map("password", "pre${env:P}")),
        ConnectorSpec.of("memory", map()), TableSpec.builder("t").build()).toJson())
        .hasMessageContaining("'password' of the source");
    // an empty secret is no secret
    assertThat(definition(ConnectorSpec.of("x", map("password", "")), ConnectorSpec.of("memory", map()),
        TableSpec.builder("t").build()).toJson()).contains("\"password\": \"\"");
  }

  @Test
  void secretsWrittenIntoUrlsAreNeverWritten() {
    for (String url : new String[] {"jdbc:postgresql://db/shop?user=copy&password=hunter2-literal",
        "jdbc:sqlserver://db;databaseName=shop;password=hunter2-literal", "jdbc:postgresql://copy:hunter2-literal@db/shop"}) {
      ConnectorSpec spec = ConnectorSpec.of("postgresql", map("url", url));
      assertThatThrownBy(() -> definition(spec, ConnectorSpec.of("memory", map()), TableSpec.builder("t").build())
          .toJson())
          .isInstanceOfSatisfying(CopyJobException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION);
            assertThat(e.getMessage()).contains("'url' of the source", "${secret:NAME}")
                .doesNotContain("hunter2-literal");
          });
    }
    // references in those places are fine
    assertThat(definition(ConnectorSpec.of("postgresql", map("url",
        "jdbc:postgresql://copy:${env:PGPASS}@db/shop?password=${secret:pg}")), ConnectorSpec.of("memory", map()),
        TableSpec.builder("t").build()).toJson()).contains("password=${secret:pg}");
  }

  @Test
  void formatVersionIsRequiredAndFutureVersionsAreRefused() {
    String v1 = VALID.replace("MODE", "full");
    assertThat(JobDefinition.parse(v1).tables()).hasSize(2);
    assertThat(invalid(v1.replace("\"formatVersion\": 1,", "")).getMessage())
        .contains("$.formatVersion", "missing", "1");
    assertThat(invalid(v1.replace("\"formatVersion\": 1", "\"formatVersion\": 2")).getMessage())
        .contains("$.formatVersion", "reads format version 1 only, got 2", "newer release");
    assertThat(invalid(v1.replace("\"formatVersion\": 1", "\"formatVersion\": \"1\"")).getMessage())
        .contains("$.formatVersion", "expected the number 1");
  }

  @Test
  void invalidDefinitionsNameTheJsonPathAndWhatWasExpected() {
    String v = VALID.replace("MODE", "full");
    assertThat(invalid(VALID.replace("MODE", "sometimes")).getMessage())
        .contains("$.tables[1].mode", "expected one of full, incremental", "sometimes");
    assertThat(invalid(v.replace("\"selector\": \"s.u\"", "\"selector\": \"s.u\", \"colums\": []")).getMessage())
        .contains("$.tables[1].colums", "unknown field", "columns");
    assertThat(invalid(v.replace("\"name\": \"j\",", "")).getMessage()).contains("$.name", "missing");
    assertThat(invalid(v.replace("\"name\": \"j\"", "\"name\": 7")).getMessage())
        .contains("$.name", "expected a text", "7");
    assertThat(invalid(v.replace("\"name\": \"j\"", "\"name\": \" \"")).getMessage()).contains("$.name", "empty");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"conversions\": {\"a\": \"INTEGER\"}}"))
        .getMessage()).contains("$.tables[0].conversions.a", "expected a logical type", "INTEGER");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"conversions\": {\"my col\": \"DECIMAL(1)\"}}"))
        .getMessage()).contains("$.tables[0].conversions['my col']", "DECIMAL needs precision and scale");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"mode\": \"incremental\"}"))
        .getMessage()).contains("$.tables[0].incrementalColumn", "missing");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"incrementalColumn\": \"x\"}"))
        .getMessage()).contains("$.tables[0].incrementalColumn", "only to \"mode\": \"incremental\"");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"write\": \"merge\"}"))
        .getMessage()).contains("$.tables[0].write", "expected one of append, upsert, overwrite", "merge");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"keys\": [\"id\"]}"))
        .getMessage()).contains("$.tables[0].keys", "upsert");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"write\": \"upsert\", \"keys\": \"id\"}"))
        .getMessage()).contains("$.tables[0].keys", "expected an array");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"columns\": [\"a\", 1]}"))
        .getMessage()).contains("$.tables[0].columns[1]", "expected a text");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.t\", \"creation\": \"always\"}"))
        .getMessage()).contains("$.tables[0].creation", "createIfAbsent, mustExist");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"targetName\": \"x\"}")).getMessage())
        .contains("$.tables[0].selector", "missing");
    assertThat(invalid(v.replace("{\"selector\": \"s.t\"}", "{\"selector\": \"s.u\"}")).getMessage())
        .contains("$.tables[1].selector", "second time");
    assertThat(invalid(v.replace("\"tables\": [{\"selector\": \"s.t\"}, {\"selector\": \"s.u\", \"mode\": \"full\"}]",
        "\"tables\": []")).getMessage()).contains("$.tables", "at least one table");
    assertThat(invalid(v.replace("\"tables\": [{\"selector\": \"s.t\"}, {\"selector\": \"s.u\", \"mode\": \"full\"}]",
        "\"tables\": {\"x\": 1}")).getMessage()).contains("$.tables", "expected an array", "an object");
    assertThat(invalid(v.replace("{\"store\": \"a\"}", "{\"store\": [\"a\"]}")).getMessage())
        .contains("$.source.options.store", "expected a text, number or boolean");
    assertThat(invalid(v.replace("{\"store\": \"a\"}", "{\"s3.region\": null}")).getMessage())
        .contains("$.source.options['s3.region']", "null");
    assertThat(invalid(v.replace("\"type\": \"memory\", \"options\": {\"store\": \"b\"}", "\"options\": {}")).getMessage())
        .contains("$.destination.type", "missing");
    assertThat(invalid(v.replace("\"destination\": {\"type\": \"memory\", \"options\": {\"store\": \"b\"}},", "")).getMessage())
        .contains("$.destination", "missing", "type");
    assertThat(invalid(v.replace("\"source\": {", "\"source\": {\"kind\": 1, ")).getMessage())
        .contains("$.source.kind", "unknown field", "type, options");
    assertThat(invalid(v.replace("\"name\": \"j\"", "\"name\": \"j\", \"parallelism\": 2.5")).getMessage())
        .contains("$.parallelism", "expected a whole number", "2.5");
    assertThat(invalid(v.replace("\"name\": \"j\"", "\"name\": \"j\", \"batchRows\": \"many\"")).getMessage())
        .contains("$.batchRows", "expected a whole number");
    assertThat(invalid(v.replace("\"name\": \"j\"", "\"name\": \"j\", \"name\": \"k\"")).getMessage())
        .contains("must be JSON", "line 3", "Duplicate field 'name'");
    assertThat(invalid("{\"formatVersion\": 1,").getMessage()).contains("must be JSON");
    assertThat(invalid("[]").getMessage()).contains("$: expected an object");
    assertThat(invalid("").getMessage()).contains("$: expected a JSON object");
  }
}
