package io.copyjob.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** The machine a run was measured on, as one line for the report, and its load average. */
final class Machine {
  private Machine() {
  }

  static String describe(BenchContext ctx) throws IOException, SQLException {
    return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, %s, %s %s",
        Runtime.getRuntime().availableProcessors(), procField("/proc/cpuinfo", "model name"),
        ram(), System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
        postgresVersion(ctx), System.getProperty("os.name"), System.getProperty("os.version"));
  }

  /** The 1-minute load average. */
  static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String ram() throws IOException {
    long kb = Long.parseLong(procField("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", ""));
    return String.format(Locale.ROOT, "%.0f GB", kb / 1024.0 / 1024.0);
  }

  private static String procField(String file, String key) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(file));
    return lines.stream().filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
        .orElse("unknown " + key);
  }

  private static String postgresVersion(BenchContext ctx) throws SQLException {
    try (Connection c = ctx.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW server_version")) {
      rs.next();
      return "PostgreSQL " + rs.getString(1) + " (embedded, same machine)";
    }
  }
}
