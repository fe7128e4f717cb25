package io.copyjob.storage.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.copyjob.storage.files.store.FileInfo;
import io.copyjob.storage.files.store.FileStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The independent reader of the tests: replays {@code _delta_log/*.json} itself (adds minus removes, in version
 * order), fetches the live files from the store and lets DuckDB read them. Nothing of copyjob or Kernel is involved
 * past the store's byte access.
 */
final class DeltaLogOracle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeltaLogOracle() {
  }

  /** The live data files of the table in {@code folder}, relative to it. */
  static Set<String> liveFiles(FileStore store, String folder) throws IOException {
    return replay(store, folder, new java.util.LinkedHashMap<>(), new java.util.HashMap<>(), new java.util.HashMap<>())
        .keySet();
  }

  /**
   * Replays the log: the live files with their partition values, and into {@code physicalToLogical} and
   * {@code types} the latest schema's column mapping and Delta types (by physical name).
   */
  private static java.util.Map<String, JsonNode> replay(FileStore store, String folder,
      java.util.Map<String, String> physicalToLogical, java.util.Map<String, String> types,
      java.util.Map<String, String> unused) throws IOException {
    java.util.Map<String, JsonNode> live = new java.util.LinkedHashMap<>();
    List<FileInfo> log = new ArrayList<>();
    for (FileInfo f : store.list(folder + "/_delta_log")) {
      if (f.name().matches("\\d{20}\\.json")) {
        log.add(f);
      }
    }
    log.sort((a, b) -> a.name().compareTo(b.name()));
    for (FileInfo f : log) {
      try (InputStream in = store.openRead(f.path());
          BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          JsonNode action = JSON.readTree(line);
          if (action.has("add")) {
            live.put(URLDecoder.decode(action.get("add").get("path").asText(), StandardCharsets.UTF_8),
                action.get("add").path("partitionValues"));
          } else if (action.has("remove")) {
            live.remove(URLDecoder.decode(action.get("remove").get("path").asText(), StandardCharsets.UTF_8));
          } else if (action.has("metaData")) {
            physicalToLogical.clear();
            for (JsonNode field : JSON.readTree(action.get("metaData").get("schemaString").asText()).get("fields")) {
              JsonNode physical = field.path("metadata").path("delta.columnMapping.physicalName");
              String name = physical.isMissingNode() ? field.get("name").asText() : physical.asText();
              physicalToLogical.put(name, field.get("name").asText());
              types.put(name, field.get("type").asText());
            }
          }
        }
      }
    }
    return live;
  }

  private static String duckType(String delta) {
    switch (delta) {
      case "byte": return "TINYINT";
      case "short": return "SMALLINT";
      case "integer": return "INTEGER";
      case "long": return "BIGINT";
      case "timestamp": return "TIMESTAMPTZ";
      case "timestamp_ntz": return "TIMESTAMP";
      case "string": return "VARCHAR";
      default: return delta.toUpperCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Runs {@code select} (with {@code %s} standing for the table) in DuckDB over the live files, each value as
   * DuckDB prints it.
   */
  static List<List<String>> query(FileStore store, String folder, Path scratch, String select) throws Exception {
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> types = new java.util.HashMap<>();
    java.util.Map<String, JsonNode> live = replay(store, folder, columns, types, null);
    if (live.isEmpty()) {
      return List.of();
    }
    Path dir = Files.createTempDirectory(scratch, "live");
    // One subquery per file, with its partition values (which the log holds, not the file) as typed constants.
    StringBuilder union = new StringBuilder();
    int n = 0;
    for (java.util.Map.Entry<String, JsonNode> file : live.entrySet()) {
      Path local = dir.resolve((n++) + "-" + file.getKey().replace('/', '_'));
      try (InputStream in = store.openRead(folder + "/" + file.getKey())) {
        Files.copy(in, local);
      }
      union.append(union.length() == 0 ? "" : " UNION ALL BY NAME ").append("SELECT *");
      file.getValue().fields().forEachRemaining(p -> union.append(", CAST(")
          .append(p.getValue().isNull() ? "NULL" : "'" + p.getValue().asText().replace("'", "''") + "'")
          .append(" AS ").append(duckType(types.get(p.getKey()))).append(") AS \"").append(p.getKey()).append('"'));
      union.append(" FROM read_parquet('").append(local).append("')");
    }
    // Columns by their logical names, whatever physical names column mapping gave them in the files.
    StringBuilder renamed = new StringBuilder();
    columns.forEach((physical, logical) -> renamed.append(renamed.length() == 0 ? "" : ", ")
        .append('"').append(physical).append("\" AS \"").append(logical).append('"'));
    String from = "(SELECT " + renamed + " FROM (" + union + "))";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      try (ResultSet rs = s.executeQuery(String.format(select, from))) {
        ResultSetMetaData md = rs.getMetaData();
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            row.add(rs.getString(i));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }
}
