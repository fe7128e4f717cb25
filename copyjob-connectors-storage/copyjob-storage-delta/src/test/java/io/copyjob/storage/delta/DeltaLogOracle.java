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
    return replay(store, folder, new java.util.LinkedHashMap<>());
  }

  /** Replays the log: the live files, and into {@code physicalToLogical} the latest schema's column mapping. */
  private static Set<String> replay(FileStore store, String folder, java.util.Map<String, String> physicalToLogical)
      throws IOException {
    Set<String> live = new LinkedHashSet<>();
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
            live.add(URLDecoder.decode(action.get("add").get("path").asText(), StandardCharsets.UTF_8));
          } else if (action.has("remove")) {
            live.remove(URLDecoder.decode(action.get("remove").get("path").asText(), StandardCharsets.UTF_8));
          } else if (action.has("metaData")) {
            physicalToLogical.clear();
            for (JsonNode field : JSON.readTree(action.get("metaData").get("schemaString").asText()).get("fields")) {
              JsonNode physical = field.path("metadata").path("delta.columnMapping.physicalName");
              physicalToLogical.put(physical.isMissingNode() ? field.get("name").asText() : physical.asText(),
                  field.get("name").asText());
            }
          }
        }
      }
    }
    return live;
  }

  /**
   * Runs {@code select} (with {@code %s} standing for the table) in DuckDB over the live files, each value as
   * DuckDB prints it.
   */
  static List<List<String>> query(FileStore store, String folder, Path scratch, String select) throws Exception {
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
    Set<String> live = replay(store, folder, columns);
    if (live.isEmpty()) {
      return List.of();
    }
    Path dir = Files.createTempDirectory(scratch, "live");
    StringBuilder files = new StringBuilder("[");
    for (String name : live) {
      Path local = dir.resolve(name.replace('/', '_'));
      try (InputStream in = store.openRead(folder + "/" + name)) {
        Files.copy(in, local);
      }
      files.append(files.length() == 1 ? "" : ", ").append('\'').append(local).append('\'');
    }
    // Columns by their logical names, whatever physical names column mapping gave them in the files.
    StringBuilder renamed = new StringBuilder();
    columns.forEach((physical, logical) -> renamed.append(renamed.length() == 0 ? "" : ", ")
        .append('"').append(physical).append("\" AS \"").append(logical).append('"'));
    String from = "(SELECT " + renamed + " FROM read_parquet(" + files + "], union_by_name = true))";
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
