package io.copyjob.storage.files.copyinto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.copyjob.ConnectorSpec;
import io.copyjob.CopyJobException;
import io.copyjob.ErrorCode;
import io.copyjob.storage.files.format.compress.Compression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statement parser: the reference's examples, every option, notations, and errors that point at the problem. */
class CopyIntoParserTest {
  private static final ConnectorSpec DB = ConnectorSpec.of("postgresql", Map.of("url", "jdbc:postgresql://db/dwh"));
  private static final String SAS = "?sv=2018-03-28&ss=bfqt&srt=sco&sp=rl&sig=IEoOdmeYnE9%2FKiJDSHFSYsz4AkNa%2F%2B";

  private static CopyInto load(String statement) {
    return CopyInto.parse(statement).destination(DB).build();
  }

  @Test
  void publicStorageWithDefaults() {
    CopyInto load = load("COPY INTO dbo.[lineitem] FROM "
        + "'https://unsecureaccount.blob.core.windows.net/customerdatasets/folder1/lineitem.csv'");
    assertThat(load.table().toString()).isEqualTo("dbo.lineitem");
    assertThat(load.fileType()).isEqualTo(FileType.CSV);
    assertThat(load.maxErrors()).hasValue(0);
    assertThat(load.fieldTerminator()).isEqualTo(",");
    assertThat(load.fieldQuote()).isEqualTo("\"");
    assertThat(load.rowTerminator()).isEmpty();
    assertThat(load.firstRow()).isEqualTo(1);
    assertThat(load.encoding()).isEqualTo(Encoding.UTF8);
    assertThat(load.identityInsert()).isEqualTo(OnOff.OFF);
    assertThat(load.sourceOptions()).containsExactly(
        entry("locations.1", "https://unsecureaccount.blob.core.windows.net/customerdatasets/folder1/lineitem.csv"),
        entry("format", "csv"), entry("csv.header", "false"), entry("csv.delimiter", ","),
        entry("csv.quote", "\""), entry("csv.encoding", "utf8"));
  }

  @Test
  void sharedAccessSignatureWithCommentsAndEveryCsvOption() {
    CopyInto load = load("""
        COPY INTO test_1
        FROM 'https://myaccount.blob.core.windows.net/myblobcontainer/folder1/'
        WITH (
            FILE_TYPE = 'CSV',
            CREDENTIAL=(IDENTITY= 'Shared Access Signature', SECRET='%s'),
            --CREDENTIAL should look something like this: (IDENTITY = ..., SECRET = '?sv=...')
            FIELDQUOTE = '"',
            FIELDTERMINATOR=';',
            ROWTERMINATOR='0X0A',
            ENCODING = 'UTF8',
            DATEFORMAT = 'ymd',
            MAXERRORS = 10,
            ERRORFILE = '/errorsfolder',--path starting from the storage container
            IDENTITY_INSERT = 'ON'
        )""".formatted(SAS));
    assertThat(load.credential()).hasValue(Credential.sharedAccessSignature(SAS));
    assertThat(load.maxErrors()).hasValue(10);
    assertThat(load.errorFile()).hasValue("/errorsfolder");
    assertThat(load.identityInsert()).isEqualTo(OnOff.ON);
    assertThat(load.dateFormat()).hasValue(DateFormat.YMD);
    assertThat(load.sourceOptions()).containsExactly(
        entry("locations.1", "https://myaccount.blob.core.windows.net/myblobcontainer/folder1/"),
        entry("format", "csv"), entry("csv.header", "false"), entry("csv.delimiter", ";"), entry("csv.quote", "\""),
        entry("csv.rowTerminator", "\n"), entry("csv.encoding", "utf8"), entry("csv.dateFormat", "ymd"),
        entry("azure.sasToken", SAS));
    assertThat(ErrorFileLocation.of(load, "/errorsfolder").folder())
        .isEqualTo("https://myaccount.blob.core.windows.net/myblobcontainer/errorsfolder");
    assertThat(ErrorFileLocation.of(load, "/errorsfolder").storeOptions()).containsExactly(
        entry("azure.sasToken", SAS));
    assertThat(load.toString()).doesNotContain(SAS).doesNotContain("sig=").isEqualTo("COPY INTO test_1 FROM "
        + "'https://myaccount.blob.core.windows.net/myblobcontainer/folder1/' WITH (FILE_TYPE = 'CSV', "
        + "CREDENTIAL(IDENTITY='Shared Access Signature', SECRET='****'), ERRORFILE = '/errorsfolder', MAXERRORS = 10, "
        + "IDENTITY_INSERT = 'ON')");
  }

  @Test
  void columnListWithDefaultsAndFieldNumbersAndAccountKey() {
    CopyInto load = load("""
        COPY INTO test_1 (Col_one default 'myStringDefault' 1, Col_two default 1 3)
        FROM 'https://myaccount.blob.core.windows.net/myblobcontainer/folder1/'
        WITH (
            FILE_TYPE = 'CSV',
            CREDENTIAL=(IDENTITY= 'Storage Account Key', SECRET='x6RWv4It5F2msnjelv3H4DA80n0PQW0daPdw43jM0nyetx4c6CpDkdj3986DX5AHFMIf/YN4y6kkCnU8lb+Wx0Pj+6MDw=='),
            FIELDQUOTE = '"',
            FIELDTERMINATOR=',',
            ROWTERMINATOR='0x0A',
            ENCODING = 'UTF8',
            FIRSTROW = 2
        )""");
    assertThat(load.columns()).containsExactly(CopyColumn.of("Col_one").withDefault("myStringDefault").field(1),
        CopyColumn.of("Col_two").withDefault("1").field(3));
    assertThat(load.sourceOptions()).contains(entry("csv.firstRow", "2"), entry("csv.rowTerminator", "\n"),
        entry("azure.accountKey", "x6RWv4It5F2msnjelv3H4DA80n0PQW0daPdw43jM0nyetx4c6CpDkdj3986DX5AHFMIf/YN4y6kkCnU8lb+Wx0Pj+6MDw=="));
  }

  @Test
  void wildcardsSeveralLocationsAndServicePrincipal() {
    CopyInto load = load("""
        COPY INTO t1
        FROM
        'https://myaccount.blob.core.windows.net/myblobcontainer/folder0/*.txt',
            'https://myaccount.blob.core.windows.net/myblobcontainer/folder1'
        WITH (
            FILE_TYPE = 'CSV',
            CREDENTIAL=(IDENTITY= '5bd0b4e5-5f7a-4c5e-8a5e-7c3f0e1a2b3c@https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token',SECRET='clientsecret'),
            FIELDTERMINATOR = '|'
        );""");
    assertThat(load.locations()).hasSize(2);
    assertThat(load.sourceOptions()).contains(
        entry("locations.1", "https://myaccount.blob.core.windows.net/myblobcontainer/folder0/*.txt"),
        entry("locations.2", "https://myaccount.blob.core.windows.net/myblobcontainer/folder1"),
        entry("csv.delimiter", "|"), entry("azure.clientId", "5bd0b4e5-5f7a-4c5e-8a5e-7c3f0e1a2b3c"),
        entry("azure.tenantId", "72f988bf-86f1-41af-91ab-2d7cd011db47"), entry("azure.clientSecret", "clientsecret"));
  }

  @Test
  void managedIdentity() {
    CopyInto load = load("""
        COPY INTO dbo.myCOPYDemoTable
        FROM 'https://myaccount.blob.core.windows.net/myblobcontainer/folder0/*.txt'
        WITH (FILE_TYPE = 'CSV', CREDENTIAL = (IDENTITY = 'Managed Identity'), FIELDQUOTE = '"', FIELDTERMINATOR=',')""");
    assertThat(load.sourceOptions()).contains(entry("azure.managedIdentity", "true"));
  }

  @Test
  void anonymousReadsOfPublicStorageOnAzureAndS3() {
    assertThat(load("COPY INTO t FROM 'https://myaccount.blob.core.windows.net/public/x.csv' "
        + "WITH (CREDENTIAL = (IDENTITY = 'Anonymous'))").sourceOptions()).contains(entry("azure.anonymous", "true"));
    assertThat(load("COPY INTO t FROM 's3://open-data/x.csv' WITH (CREDENTIAL = (IDENTITY = 'anonymous'))")
        .sourceOptions()).contains(entry("s3.anonymous", "true"));
  }

  @Test
  void parquetAutoCreateTable() {
    CopyInto load = load("""
        COPY INTO [myCOPYDemoTable]
        FROM 'https://myaccount.blob.core.windows.net/customerdatasets/folder1/lineitem.parquet'
        WITH (FILE_TYPE = 'Parquet', CREDENTIAL = ( IDENTITY = 'Shared Access Signature',  SECRET='<key>'),
              AUTO_CREATE_TABLE = 'ON', COMPRESSION = 'Snappy')""");
    assertThat(load.fileType()).isEqualTo(FileType.PARQUET);
    assertThat(load.autoCreateTable()).isEqualTo(OnOff.ON);
    assertThat(load.sourceOptions()).containsExactly(
        entry("locations.1", "https://myaccount.blob.core.windows.net/customerdatasets/folder1/lineitem.parquet"),
        entry("format", "parquet"), entry("azure.sasToken", "<key>"));
  }

  @Test
  void fabricFormWithThreePartNameJsonPathsAndFabricOptions() {
    CopyInto load = load("""
        COPY INTO my_warehouse.dbo.[events] (id '$.id', zip DEFAULT 'none' '$.address.zip', "Kind")
        FROM 's3://landing/events/*.jsonl.gz'
        WITH (FILE_TYPE = 'JSONL', COMPRESSION = 'Gzip', PARSER_VERSION = '2.0', MAXERRORS = '2.5%',
              CREDENTIAL = (IDENTITY = 'S3 Access Key', SECRET = 'AKIAEXAMPLE:wJalrXUtnFEMI/K7MDENG'))""");
    assertThat(load.table().toString()).isEqualTo("dbo.events");
    assertThat(load.columns()).containsExactly(CopyColumn.of("id").path("$.id"),
        CopyColumn.of("zip").withDefault("none").path("$.address.zip"), CopyColumn.of("Kind"));
    assertThat(load.maxErrorsPercent()).hasValue(2.5);
    assertThat(load.maxErrors()).isEmpty();
    assertThat(load.parserVersion()).hasValue("2.0");
    assertThat(load.sourceOptions()).containsExactly(entry("locations.1", "s3://landing/events/*.jsonl.gz"),
        entry("format", "jsonl"), entry("compression", "gzip"), entry("s3.accessKeyId", "AKIAEXAMPLE"),
        entry("s3.secretAccessKey", "wJalrXUtnFEMI/K7MDENG"));
    assertThat(load.toString()).doesNotContain("wJalrXUtnFEMI");
  }

  @Test
  void fabricCsvOptions() {
    CopyInto load = load("COPY INTO t FROM '/data/in/*.csv' WITH (MATCH_COLUMN_COUNT = 'ON', ENCODING = 'UTF16', "
        + "DATEFORMAT = 'dmy', PARSER_VERSION = '1.0', FIELDTERMINATOR = '\\t', ROWTERMINATOR = '\\r\\n')");
    assertThat(load.sourceOptions()).containsExactly(entry("locations.1", "/data/in/*.csv"), entry("format", "csv"),
        entry("csv.header", "false"), entry("csv.delimiter", "\t"), entry("csv.quote", "\""),
        entry("csv.encoding", "utf16"), entry("csv.dateFormat", "dmy"), entry("csv.matchColumnCount", "true"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "0x7C0x7C; ||", "0x7C7C; ||", "|; |", "\\t; TAB", "~|~; ~|~", "0x09; TAB", "0xC3A9; é", "0xE9; é",
      "\\\\; \\", "0x2C0x09; ,TAB"})
  void fieldTerminatorNotations(String notation, String decoded) {
    assertThat(load("COPY INTO t FROM 'a.csv' WITH (FIELDTERMINATOR = '" + notation + "')").fieldTerminator())
        .isEqualTo(decoded.replace("TAB", "\t"));
  }

  @Test
  void rowTerminatorNotations() {
    assertThat(row("\\n")).isNull();
    assertThat(row("\\r\\n")).isNull();
    assertThat(row("0x0A")).isEqualTo("\n");
    assertThat(row("0x0D0A")).isEqualTo("\r\n");
    assertThat(row("0x0D0x0A")).isEqualTo("\r\n");
    assertThat(row("\\r")).isEqualTo("\r");
    assertThat(row("||\\n")).isEqualTo("||\n");
    assertThat(load("COPY INTO t FROM 'a.csv' WITH (FIELDQUOTE = '0x27')").fieldQuote()).isEqualTo("'");
    assertThat(load("COPY INTO t FROM 'a.csv' WITH (FIELDQUOTE = '''')").fieldQuote()).isEqualTo("'");
  }

  @Test
  void backslashesReachTheFilesConnectorEscaped() {
    assertThat(load("COPY INTO t FROM 'a.csv' WITH (FIELDTERMINATOR = '\\\\', ROWTERMINATOR = '\\\\0x0A')")
        .sourceOptions()).containsEntry("csv.delimiter", "\\\\").containsEntry("csv.rowTerminator", "\\\\0x0A");
  }

  private static String row(String notation) {
    return load("COPY INTO t FROM 'a.csv' WITH (ROWTERMINATOR = '" + notation + "')").rowTerminator().orElse(null);
  }

  @Test
  void errorFileLocationsAndTheirCredentials() {
    CopyInto blob = load("COPY INTO t FROM 'abfss://landing@acct.dfs.core.windows.net/in/*.csv' WITH ("
        + "CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = 'k1'), ERRORFILE = 'errors', "
        + "ERRORFILE_CREDENTIAL = (IDENTITY = 'S3 Access Key', SECRET = 'id:s2'))");
    assertThat(ErrorFileLocation.of(blob, "errors")).isEqualTo(new ErrorFileLocation(
        "abfss://landing@acct.dfs.core.windows.net/errors", Map.of("azure.accountKey", "k1")));
    assertThat(ErrorFileLocation.of(blob, "s3://audit/rejects")).isEqualTo(new ErrorFileLocation(
        "s3://audit/rejects", Map.of("s3.accessKeyId", "id", "s3.secretAccessKey", "s2")));
    assertThatThrownBy(() -> ErrorFileLocation.of(blob, "https://other.blob.core.windows.net/c/e"))
        .hasMessage("ERRORFILE_CREDENTIAL with IDENTITY 'S3 Access Key' does not apply to an Azure location "
            + "'https://other.blob.core.windows.net/c/e'");
    CopyInto noErrorCredential = load("COPY INTO t FROM 'https://acct.blob.core.windows.net/c/in' WITH ("
        + "CREDENTIAL = (IDENTITY = 'Managed Identity'))");
    assertThat(ErrorFileLocation.of(noErrorCredential, "https://acct.blob.core.windows.net/c2/e"))
        .isEqualTo(new ErrorFileLocation("https://acct.blob.core.windows.net/c2/e",
            Map.of("azure.managedIdentity", "true")));
    assertThat(ErrorFileLocation.of(noErrorCredential, "file:/var/rejects"))
        .isEqualTo(new ErrorFileLocation("file:/var/rejects", Map.of()));
  }

  @Test
  void builderGivesTheSameLoadAsTheStatement() {
    CopyInto parsed = load("COPY INTO sales.orders (id, city DEFAULT 'unknown' 3) FROM 's3://b/in/*.csv', 's3://b/more' "
        + "WITH (FIELDTERMINATOR = '0x7C', ROWTERMINATOR = '0x0A', FIRSTROW = 2, MAXERRORS = 5, COMPRESSION = 'ZSTD', "
        + "DATEFORMAT = 'ydm', ERRORFILE = 's3://b/errors', CREDENTIAL = (IDENTITY = 'S3 Access Key', SECRET = 'k:s'))");
    CopyInto built = CopyInto.into("sales.orders")
        .columns(CopyColumn.of("id"), CopyColumn.of("city").withDefault("unknown").field(3))
        .from("s3://b/in/*.csv", "s3://b/more").fieldTerminator("|").rowTerminator("0x0A").firstRow(2).maxErrors(5)
        .compression(Compression.ZSTD).dateFormat(DateFormat.YDM).errorFile("s3://b/errors")
        .credential(Credential.s3AccessKey("k", "s")).destination(DB).build();
    assertThat(built).isEqualTo(parsed);
    assertThat(built.sourceOptions()).isEqualTo(parsed.sourceOptions());
  }

  // ---- errors

  @Test
  void unknownOptionNamesItAndItsPosition() {
    assertThatThrownBy(() -> CopyInto.parse("COPY INTO t\nFROM 'a.csv'\nWITH (FIELDTERMINATOR = ',',\n  FIELDTERMINTOR = ';')"))
        .isInstanceOf(CopyJobException.class)
        .satisfies(e -> assertThat(((CopyJobException) e).code()).isEqualTo(ErrorCode.INVALID_OPTION))
        .hasMessageContaining("line 4, column 3").hasMessageContaining("unknown option FIELDTERMINTOR")
        .hasMessageContaining("FIELDTERMINATOR, ROWTERMINATOR");
  }

  @Test
  void malformedOptionsPointAtTheirValue() {
    assertError("COPY INTO t FROM 'a.csv' WITH (FIELDQUOTE = '||')", "line 1, column 45", "FIELDQUOTE must be one character");
    assertError("COPY INTO t FROM 'a.csv' WITH (MAXERRORS = 'many')", "line 1, column 44", "MAXERRORS needs a whole number");
    assertError("COPY INTO t FROM 'a.csv' WITH (DATEFORMAT = 'yyyy-mm-dd')", "column 45",
        "DATEFORMAT must be one of 'MDY', 'DMY', 'YMD', 'YDM', 'MYD', 'DYM'");
    assertError("COPY INTO t FROM 'a.csv' WITH (FILE_TYPE = 'XML')", "column 44", "FILE_TYPE must be one of 'CSV'");
    assertError("COPY INTO t FROM 'a.csv' WITH (FIRSTROW = 0)", "column 43", "FIRSTROW must be at least 1");
    assertError("COPY INTO t FROM 'a.csv' WITH (ROWTERMINATOR = '0x0G')", "column 48", "ROWTERMINATOR is not hexadecimal");
    assertError("COPY INTO t FROM 'a.csv' WITH (FIELDTERMINATOR = '\\q')", "column 50", "unknown escape '\\q'");
    assertError("COPY INTO t FROM 'a.csv' WITH (COMPRESSION = 'DefaultCodec')", "column 46", "'DefaultCodec'");
    assertError("COPY INTO t FROM 'a.csv' WITH (PARSER_VERSION = '3.0')", "column 49", "PARSER_VERSION must be '1.0' or '2.0'");
    assertError("COPY INTO t FROM 'a.csv' WITH (MAXERRORS = 1, MAXERRORS = 2)", "column 47", "MAXERRORS is given twice");
    assertError("COPY INTO t FROM 'a.csv' WITH (FILE_FORMAT = myFormat)", "FILE_FORMAT names an external file format");
    assertError("COPY INTO t FROM 'a.csv' WITH (IDENTITY_INSERT = 'MAYBE')", "IDENTITY_INSERT must be one of 'ON', 'OFF'");
    assertError("COPY INTO t FROM 'a.csv' WITH (MAXERRORS = '120%')", "MAXERRORS must be a percentage from 0 to 100");
  }

  @Test
  void malformedStatementsPointAtTheProblem() {
    assertError("COPY t FROM 'a.csv'", "line 1, column 6", "expected INTO, got 't'");
    assertError("COPY INTO t 'a.csv'", "line 1, column 13", "expected FROM");
    assertError("COPY INTO t FROM a.csv", "column 18", "expected a location in single quotes");
    assertError("COPY INTO t FROM 'a.csv' WITH (FIELDTERMINATOR = '|'", "column 53", "expected ')'");
    assertError("COPY INTO t FROM 'a.csv\n", "line 1, column 18", "the string opened here is not closed");
    assertError("COPY INTO t FROM 'a.csv' WITH (FIELDTERMINATOR '|')", "column 48", "expected '='");
    assertError("COPY INTO a.b.c.d FROM 'a.csv'", "column 17", "at most three parts");
    assertError("COPY INTO dbo.[a.b] FROM 'a.csv'", "column 11", "'dbo.a.b': a schema or table name holding '.'");
    assertError("COPY INTO t (a, b, a) FROM 'a.csv'", "column 20", "names column 'a' twice");
    assertError("COPY INTO t (a 0) FROM 'a.csv'", "column 16", "field numbers start at 1");
    assertError("COPY INTO t (a 'zip') FROM 'a.csv'", "column 16", "a JSON path starts with '$'");
    assertError("COPY INTO t FROM 'a.csv' garbage", "column 26", "unexpected 'garbage'");
    assertError("", "the statement is empty");
  }

  @Test
  void credentialErrorsNeverShowTheSecret() {
    assertCredentialError("IDENTITY = 'Wrong', SECRET = 'TopSecret1'", "CREDENTIAL IDENTITY 'Wrong' is unknown");
    assertCredentialError("IDENTITY = 'Shared Access Signature'", "needs a SECRET");
    assertCredentialError("IDENTITY = 'id@not a url', SECRET = 'TopSecret1'", "token endpoint");
    assertCredentialError("IDENTITY = 'Storage Account Key', SECRET = 'Top' 'Secret1'", "expected ')', got a value");
    assertCredentialError("IDENTITY = 'Storage Account Key', SECRET = 'Top'Secret1'", "is not closed");
    assertThatThrownBy(() -> load("COPY INTO t FROM 's3://b/x' WITH (CREDENTIAL = (IDENTITY = 'Storage Account Key', "
        + "SECRET = 'TopSecret1'))")).hasMessageContaining("does not apply to an S3 location")
        .hasMessageNotContaining("TopSecret1");
  }

  private static void assertCredentialError(String credential, String fragment) {
    assertThatThrownBy(() -> load("COPY INTO t FROM 'https://a.blob.core.windows.net/c/x' WITH (CREDENTIAL = ("
        + credential + "))")).isInstanceOf(CopyJobException.class).hasMessageContaining(fragment)
        .hasMessageNotContaining("Secret1");
  }

  @Test
  void csvOptionsForOtherFileTypesAreRefused() {
    assertThatThrownBy(() -> load("COPY INTO t FROM 'a.parquet' WITH (FILE_TYPE = 'PARQUET', FIELDTERMINATOR = '|')"))
        .hasMessageContaining("FIELDTERMINATOR applies to FILE_TYPE 'CSV' only, not 'PARQUET'");
    assertThatThrownBy(() -> load("COPY INTO t FROM 's3://b/a.csv', '/local/b.csv'"))
        .hasMessageContaining("mixes an S3 and a local location");
  }

  private static void assertError(String statement, String... fragments) {
    assertThatThrownBy(() -> load(statement)).isInstanceOf(CopyJobException.class)
        .satisfies(e -> {
          for (String f : fragments) {
            assertThat(e.getMessage()).contains(f);
          }
          assertThat(List.of(ErrorCode.INVALID_OPTION, ErrorCode.INVALID_JOB))
              .contains(((CopyJobException) e).code());
        });
  }
}
