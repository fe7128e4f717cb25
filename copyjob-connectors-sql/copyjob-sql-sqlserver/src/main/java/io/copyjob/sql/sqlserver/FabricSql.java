package io.copyjob.sql.sqlserver;

import io.copyjob.data.LogicalType;
import io.copyjob.sql.jdbc.Sql;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * The statements and the staging plan of Fabric Warehouse writes. Fabric has no bulk-copy endpoint: the sink
 * writes Parquet files under {@code <fabric.stagingLocation>/<runId>/}, then in one transaction runs
 * {@code COPY INTO [table] FROM '<url>/<runId>/*.parquet' WITH (FILE_TYPE = 'PARQUET', CREDENTIAL = (...))}
 * (for upsert into a staging table that a MERGE applies), commits, and deletes the staged files.
 */
public final class FabricSql {
  private static final SqlServerDialect D = SqlServerDialect.INSTANCE;
  /** The SECRET of a CREDENTIAL clause as it may be shown: never the secret, quoted, doubled or in part. */
  private static final UnaryOperator<String> MASKED_SECRET = secret -> "'****'";

  private FabricSql() {
  }

  /**
   * The key of one table's staging in one run: the run id plus the table's name and a hash of it (names that
   * differ only in characters the key replaces stay apart). Folders and staging tables are per table, so one
   * table's COPY INTO never loads files another table of the run left behind.
   */
  public static String stagingKey(String runId, String table) {
    String clean = table.replaceAll("[^A-Za-z0-9_-]", "_");
    if (clean.length() > 40) {
      clean = clean.substring(0, 40);
    }
    return runId + "-" + clean + "-" + Integer.toHexString(table.hashCode());
  }

  /** The folder of a run's staged files, relative to the staging location. */
  public static String runFolder(String runId) {
    return "copyjob-" + runId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** The staged file of writer {@code index}. */
  public static String stagedFile(String runId, int index) {
    return runFolder(runId) + "/part-" + String.format("%05d", index) + ".parquet";
  }

  /**
   * The https URL COPY INTO reads: {@code abfss://container@account.dfs.core.windows.net/path} becomes
   * {@code https://account.dfs.core.windows.net/container/path}; https URLs stay; a trailing slash is dropped.
   */
  public static String httpsUrl(String stagingLocation) {
    String s = stagingLocation.endsWith("/") ? stagingLocation.substring(0, stagingLocation.length() - 1) : stagingLocation;
    if (s.startsWith("abfss://")) {
      String rest = s.substring("abfss://".length());
      int at = rest.indexOf('@');
      int slash = rest.indexOf('/', at);
      String container = rest.substring(0, at);
      String host = slash < 0 ? rest.substring(at + 1) : rest.substring(at + 1, slash);
      String path = slash < 0 ? "" : rest.substring(slash);
      return "https://" + host + "/" + container + path;
    }
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q); // a SAS in the URL goes into the CREDENTIAL, never the FROM
  }

  /**
   * The CREDENTIAL clause from the azure.* options: a SAS token as {@code IDENTITY = 'Shared Access Signature'},
   * an account key as {@code IDENTITY = 'Storage Account Key'}, a service principal as
   * {@code IDENTITY = '<clientId>@https://login.microsoftonline.com/<tenant>/oauth2/token'}; empty (no clause)
   * when none is given, and Fabric reads the files as the connected Entra ID identity.
   */
  public static String credential(Map<String, String> azure) {
    return credential(azure, Sql::stringLiteral);
  }

  private static String credential(Map<String, String> azure, UnaryOperator<String> secretLiteral) {
    String sas = azure.get("azure.sasToken");
    if (sas != null && !sas.isBlank()) {
      String token = sas.startsWith("?") ? sas.substring(1) : sas;
      return "CREDENTIAL = (IDENTITY = 'Shared Access Signature', SECRET = " + secretLiteral.apply(token) + ")";
    }
    String key = azure.get("azure.accountKey");
    if (key != null && !key.isBlank()) {
      return "CREDENTIAL = (IDENTITY = 'Storage Account Key', SECRET = " + secretLiteral.apply(key) + ")";
    }
    String client = azure.get("azure.clientId");
    String secret = azure.get("azure.clientSecret");
    String tenant = azure.get("azure.tenantId");
    if (client != null && secret != null && tenant != null) {
      return "CREDENTIAL = (IDENTITY = " + Sql.stringLiteral(client + "@https://login.microsoftonline.com/" + tenant
          + "/oauth2/token") + ", SECRET = " + secretLiteral.apply(secret) + ")";
    }
    return "";
  }

  /** {@code COPY INTO table (cols) FROM '<url>/<runFolder>/*.parquet' WITH (FILE_TYPE = 'PARQUET'[, CREDENTIAL = (...)])}. */
  public static String copyInto(String qualifiedTable, List<String> columns, String stagingLocation, String runId,
      Map<String, String> azure) {
    return copyInto(qualifiedTable, columns, stagingLocation, runId, credential(azure));
  }

  /**
   * {@link #copyInto(String, List, String, String, Map)} with {@code SECRET = '****'}: the statement as logs and
   * messages may quote it. Masked where it is built, not scrubbed afterwards: a secret with a quote appears doubled
   * in the literal ({@code 'a''b'}), a form a redactor of the secret's value does not find.
   */
  public static String redactedCopyInto(String qualifiedTable, List<String> columns, String stagingLocation,
      String runId, Map<String, String> azure) {
    return copyInto(qualifiedTable, columns, stagingLocation, runId, credential(azure, MASKED_SECRET));
  }

  private static String copyInto(String qualifiedTable, List<String> columns, String stagingLocation, String runId,
      String credential) {
    String from = httpsUrl(stagingLocation) + "/" + runFolder(runId) + "/*.parquet";
    return "COPY INTO " + qualifiedTable + " (" + Sql.columnList(D, columns) + ") FROM " + Sql.stringLiteral(from)
        + " WITH (FILE_TYPE = 'PARQUET'" + (credential.isEmpty() ? "" : ", " + credential) + ")";
  }

  /** The regular table an upsert stages into (Fabric's COPY INTO cannot load a #temp table). */
  public static String stagingTable(String schema, String runId) {
    return D.quoteIdentifier(schema) + "." + D.quoteIdentifier("copyjob_stage_" + runId.replaceAll("[^A-Za-z0-9_]", "_"));
  }

  /** {@code CREATE TABLE staging (cols)} with the destination's declarations. */
  public static String createStaging(String qualifiedStaging, List<String> columns, List<String> declarations) {
    return "CREATE TABLE " + qualifiedStaging + " (" + SqlServerSql.stagingColumns(columns, declarations) + ")";
  }

  /**
   * Fabric Warehouse's column types: no nvarchar (varchar is UTF-8 there: STRING is varchar(n*4) up to 8000, else
   * varchar(max)), datetime2 and time up to 6 digits, no datetimeoffset (TIMESTAMP_TZ as datetime2(6) in UTC), no
   * tinyint; the rest as on SQL Server.
   */
  public static String columnType(LogicalType type) {
    switch (type.id()) {
      case STRING:
        return type.length() == LogicalType.UNBOUNDED || type.length() * 4L > 8000 ? "varchar(max)"
            : "varchar(" + type.length() * 4 + ")";
      case JSON: case LIST: case MAP: case STRUCT: return "varchar(max)";
      case TIME: return "time(" + Math.min(type.precision(), 6) + ")";
      case TIMESTAMP: case TIMESTAMP_TZ: return "datetime2(" + Math.min(type.precision(), 6) + ")";
      case BINARY:
        return type.length() == LogicalType.UNBOUNDED || type.length() > 8000 ? "varbinary(max)" : "varbinary(" + type.length() + ")";
      default: return SqlServerTypeMapping.toSql(type);
    }
  }

  /** {@code CREATE TABLE} for Fabric (no PRIMARY KEY: Fabric only accepts NOT ENFORCED keys). */
  public static String createTable(String qualifiedTable, io.copyjob.data.Schema schema) {
    StringJoiner j = new StringJoiner(", ", "CREATE TABLE " + qualifiedTable + " (", ")");
    for (io.copyjob.data.Field f : schema.fields()) {
      j.add(D.quoteIdentifier(f.name()) + " " + columnType(f.type()) + (f.nullable() ? " NULL" : " NOT NULL"));
    }
    return j.toString();
  }
}
