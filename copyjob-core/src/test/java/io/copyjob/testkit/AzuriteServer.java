package io.copyjob.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One Azurite Blob Storage emulator per test JVM, started on first use from the repository's
 * {@code node_modules} (npm {@code azurite}, pinned in the root {@code package.json}; install it with
 * {@code npm ci}), in memory, on a free loopback port, and stopped when the JVM exits. Azurite serves the Blob
 * endpoint only: ADLS Gen2 (dfs) calls are answered with 400.
 *
 * <p>The account is the emulator's well-known {@link #ACCOUNT} with {@link #KEY}. Tests isolate themselves with
 * {@link #newContainer(String)}. No Azure SDK is needed here: the container is created with one signed request.
 */
public final class AzuriteServer {
  /** The emulator's account. */
  public static final String ACCOUNT = "devstoreaccount1";
  /** The emulator's well-known account key (public, documented by Microsoft). */
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Pattern LISTENING = Pattern.compile("listens on https?://[^:\\s]+:(\\d+)");
  private static final AtomicInteger CONTAINERS = new AtomicInteger();
  private static final String API_VERSION = "2021-08-06";
  private static Process process;
  private static int port;

  private AzuriteServer() {
  }

  /** Starts the emulator if it is not running yet; returns its port. */
  public static synchronized int port() {
    if (process == null) {
      start();
    }
    return port;
  }

  /** The Blob service endpoint (account URL), e.g. {@code http://127.0.0.1:43127/devstoreaccount1}. */
  public static String endpoint() {
    return "http://127.0.0.1:" + port() + "/" + ACCOUNT;
  }

  /** A connection string for the running emulator. */
  public static String connectionString() {
    return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint="
        + endpoint() + ";";
  }

  /**
   * The location a store would be given for {@code container} and {@code path} on the emulator: the public
   * account URL form, {@code https://devstoreaccount1.blob.core.windows.net/<container>/<path>}, to be used together
   * with {@link #endpoint()} as the endpoint override.
   */
  public static String blobUrl(String container, String path) {
    String base = "https://" + ACCOUNT + ".blob.core.windows.net/" + container;
    return path == null || path.isEmpty() ? base : base + "/" + path;
  }

  /** Creates a new, empty container whose name starts with {@code prefix}, and returns its name. */
  public static String newContainer(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String name = (clean.isEmpty() ? "c" : clean) + "-" + CONTAINERS.incrementAndGet() + "-"
        + Long.toHexString(System.nanoTime() & 0xffffffL);
    if (name.length() > 63) {
      name = name.substring(name.length() - 63).replaceAll("^-+", "c");
    }
    createContainer(name);
    return name;
  }

  /** Creates the container {@code name} (Create Container, signed with the account key). */
  public static void createContainer(String name) {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    String path = "/" + ACCOUNT + "/" + name;
    String stringToSign = "PUT\n\n\n\n\n\n\n\n\n\n\n\n"
        + "x-ms-date:" + date + "\n"
        + "x-ms-version:" + API_VERSION + "\n"
        + "/" + ACCOUNT + path + "\nrestype:container";
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path + "?restype=container"))
        .timeout(Duration.ofSeconds(30))
        .header("x-ms-date", date)
        .header("x-ms-version", API_VERSION)
        .header("Authorization", "SharedKey " + ACCOUNT + ":" + sign(stringToSign))
        .PUT(HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("Azurite did not create the container " + name + ": HTTP "
            + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Azurite on port " + port, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating container " + name, e);
    }
  }

  private static String sign(String stringToSign) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(KEY), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The repository root: the nearest folder at or above the working directory that holds {@code package.json}.
   */
  public static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("package.json"))) {
        return p;
      }
    }
    throw new IllegalStateException("no package.json at or above " + start + ": cannot find the repository root "
        + "whose node_modules holds Azurite");
  }

  private static void start() {
    Path root = repositoryRoot();
    Path main = root.resolve("node_modules/azurite/dist/src/blob/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException("Azurite is not installed: " + main + " is missing. Run `npm ci` in "
          + root + " (CI runs it before the Maven build).");
    }
    Path log = Path.of("target", "azurite.log").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder("node", main.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
        "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry")
        .directory(root.toFile())
        .redirectErrorStream(true);
    try {
      Files.createDirectories(log.getParent());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Azurite with `node` (is Node.js installed and on the PATH?)", e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(AzuriteServer::stop, "azurite-stop"));
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(log, listening), "azurite-output");
    reader.setDaemon(true);
    reader.start();
    try {
      port = listening.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      stop();
      throw new IllegalStateException("Azurite did not start listening within 60 s; its output is in " + log, e);
    }
  }

  /** Copies Azurite's output to {@code target/azurite.log} and reports the port once it listens. */
  private static void drain(Path log, CompletableFuture<Integer> listening) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)); Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(line);
        out.write('\n');
        out.flush();
        Matcher m = LISTENING.matcher(line);
        if (!listening.isDone() && m.find()) {
          listening.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IllegalStateException("Azurite exited"));
  }

  private static synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }
}
