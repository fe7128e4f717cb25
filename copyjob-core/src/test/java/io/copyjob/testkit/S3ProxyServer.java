package io.copyjob.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One S3 server per test JVM: <a href="https://github.com/gaul/s3proxy">s3proxy</a> with its in-memory
 * ({@code transient}) backend, started on first use as a <b>separate JVM</b> on a free loopback port, so its
 * 160-odd jars (Jetty, jclouds, Jackson 3, logback) stay off the test class path. It checks AWS signatures
 * (v2 and v4) against {@link #accessKeyId()} / {@link #secretAccessKey()}, so wrong keys fail as on AWS.
 * Stopped at JVM exit; it also stops itself when the test JVM dies without running its shutdown hooks.
 *
 * <p>The jar ({@code org.gaul:s3proxy:jar-with-dependencies}) is found through the system property
 * {@value #JAR_PROPERTY}: a module whose tests use this server copies the jar into its {@code target/} with
 * {@code maven-dependency-plugin:copy} and passes the path with surefire/failsafe {@code systemPropertyVariables}
 * (see copyjob-storage-s3's pom). Clients use {@link #endpoint()} with path-style addressing and any region;
 * tests isolate themselves with {@link #newBucket(String)}.
 */
public final class S3ProxyServer {
  /** The system property naming the s3proxy {@code jar-with-dependencies} file. */
  public static final String JAR_PROPERTY = "copyjob.s3proxy.jar";
  /** The region the server accepts signatures for (s3proxy ignores it; SigV4 needs one). */
  public static final String REGION = "us-east-1";

  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
  private static S3ProxyServer instance;

  private final Process process;
  private final URI endpoint;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final Path log;

  private S3ProxyServer(Process process, URI endpoint, String accessKeyId, String secretAccessKey, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
    this.log = log;
  }

  /** The running server, started on first call. */
  public static synchronized S3ProxyServer get() {
    if (instance == null) {
      instance = start();
      S3ProxyServer started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3proxy-stop"));
    }
    return instance;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  /** Random per test JVM, so a test can look for it in messages and logs. */
  public String secretAccessKey() {
    return secretAccessKey;
  }

  public String region() {
    return REGION;
  }

  /** The server's own log (stdout and stderr), for diagnosing a failed test. */
  public Path log() {
    return log;
  }

  /**
   * Creates a fresh, empty bucket whose name starts with {@code prefix} (lower-cased, other characters than
   * letters, digits and {@code -} dropped) and returns its name.
   */
  public String newBucket(String prefix) {
    String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    String suffix = "-" + RUN + "-" + BUCKETS.incrementAndGet();
    if (clean.length() < 3) {
      clean = "bucket";
    }
    String name = (clean.length() + suffix.length() > 63 ? clean.substring(0, 63 - suffix.length()) : clean) + suffix;
    int status = signedRequest("PUT", "/" + name);
    if (status != 200) {
      throw new IllegalStateException("s3proxy answered HTTP " + status + " creating bucket " + name + "; see " + log);
    }
    return name;
  }

  // ---------------------------------------------------------------------------------------------------------

  private static S3ProxyServer start() {
    String jarProperty = System.getProperty(JAR_PROPERTY);
    if (jarProperty == null || jarProperty.isBlank()) {
      throw new IllegalStateException("system property " + JAR_PROPERTY + " is not set: copy "
          + "org.gaul:s3proxy:jar-with-dependencies with maven-dependency-plugin and pass its path through "
          + "surefire/failsafe systemPropertyVariables (see copyjob-storage-s3/pom.xml)");
    }
    Path jar = Path.of(jarProperty);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(JAR_PROPERTY + " names " + jar + ", which does not exist; run the build's "
          + "process-test-resources phase (mvn verify does) so maven-dependency-plugin copies it");
    }
    String accessKeyId = "copyjob-test";
    String secret = "s3proxy-secret-" + UUID.randomUUID();
    IllegalStateException failure = null;
    // A free port can be taken between our probe and s3proxy's bind: try a few.
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return startOnce(jar, accessKeyId, secret);
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw failure;
  }

  private static S3ProxyServer startOnce(Path jar, String accessKeyId, String secret) {
    int port = freePort();
    try {
      Path dir = Files.isDirectory(Path.of("target")) ? Path.of("target", "s3proxy") : Files.createTempDirectory("s3proxy");
      Files.createDirectories(dir);
      Path log = dir.resolve("s3proxy-" + port + ".log").toAbsolutePath();
      Path conf = dir.resolve("s3proxy-" + port + ".properties").toAbsolutePath();
      URI endpoint = new URI("http://127.0.0.1:" + port);
      Files.writeString(conf, String.join("\n",
          "s3proxy.endpoint=" + endpoint,
          "s3proxy.authorization=aws-v2-or-v4",
          "s3proxy.identity=" + accessKeyId,
          "s3proxy.credential=" + secret,
          "s3proxy.ignore-unknown-headers=true",
          "jclouds.provider=transient",
          "jclouds.identity=" + accessKeyId,
          "jclouds.credential=" + secret,
          ""), StandardCharsets.UTF_8);
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = jar.toAbsolutePath() + File.pathSeparator + ownLocation();
      List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp", classPath,
          Launcher.class.getName(), Long.toString(ProcessHandle.current().pid()), "--properties", conf.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
      S3ProxyServer server = new S3ProxyServer(process, endpoint, accessKeyId, secret, log);
      server.awaitReady(TimeUnit.SECONDS.toNanos(90));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start s3proxy", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String ownLocation() {
    try {
      return Path.of(S3ProxyServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /** Polls until the server answers HTTP (anonymous requests get a 403, which is fine). */
  private void awaitReady(long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("s3proxy exited with " + process.exitValue() + " before answering; see "
            + log + tail());
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        int status = c.getResponseCode();
        c.disconnect();
        if (status > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stop();
    throw new IllegalStateException("s3proxy did not answer on " + endpoint + " in time; see " + log + tail());
  }

  private String tail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return ":\n" + text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "";
    }
  }

  private synchronized void stop() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** A request with an empty body, signed with AWS Signature Version 4; returns the HTTP status. */
  private int signedRequest(String method, String path) {
    try {
      ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
      String amzDate = now.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
      String day = amzDate.substring(0, 8);
      String emptyHash = hex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
      String host = endpoint.getHost() + ":" + endpoint.getPort();
      String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
      String canonical = method + "\n" + path + "\n\n" + "host:" + host + "\nx-amz-content-sha256:" + emptyHash
          + "\nx-amz-date:" + amzDate + "\n\n" + signedHeaders + "\n" + emptyHash;
      String scope = day + "/" + REGION + "/s3/aws4_request";
      String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
          + hex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
      byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day);
      key = hmac(key, REGION);
      key = hmac(key, "s3");
      key = hmac(key, "aws4_request");
      String signature = hex(hmac(key, toSign));
      URL url = endpoint.resolve(path).toURL();
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      c.setRequestMethod(method);
      c.setRequestProperty("x-amz-date", amzDate);
      c.setRequestProperty("x-amz-content-sha256", emptyHash);
      c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
          + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
      if (method.equals("PUT")) {
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(0);
        c.getOutputStream().close();
      }
      int status = c.getResponseCode();
      c.disconnect();
      return status;
    } catch (IOException e) {
      throw new UncheckedIOException("request to s3proxy failed: " + method + " " + path, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The main class of the s3proxy JVM: ends it when the test JVM ({@code args[0]}, a process id) is gone, even
   * if that one was killed without running its shutdown hooks, then runs s3proxy's own main with the rest of
   * the arguments. Uses only the JDK and s3proxy's jar.
   */
  public static final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
      long parent = Long.parseLong(args[0]);
      Thread watchdog = new Thread(() -> {
        ProcessHandle.of(parent).ifPresent(p -> p.onExit().join());
        Runtime.getRuntime().halt(0);
      }, "parent-watchdog");
      watchdog.setDaemon(true);
      watchdog.start();
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      Method main = Class.forName("org.gaul.s3proxy.Main").getMethod("main", String[].class);
      main.invoke(null, (Object) rest);
    }
  }
}
